//! The events table as Parquet (snappy-compressed, row groups of [`ROW_GROUP`] events), readable
//! by pandas, polars and DuckDB.

use crate::read::EventFilter;
use crate::{Result, Store, StoreError};
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use std::io::Write;
use std::sync::Arc;

/// Events per row group.
pub const ROW_GROUP: usize = 65_536;

/// The Parquet schema: GDELT's names where GDELT has the field.
pub const SCHEMA: &str = "message herald_event {
    REQUIRED INT64 GLOBALEVENTID;
    OPTIONAL BYTE_ARRAY SQLDATE (UTF8);
    OPTIONAL BYTE_ARRAY Actor1Code (UTF8);
    OPTIONAL BYTE_ARRAY Actor2Code (UTF8);
    REQUIRED BYTE_ARRAY EventCode (UTF8);
    REQUIRED BYTE_ARRAY EventRootCode (UTF8);
    REQUIRED INT32 QuadClass;
    REQUIRED DOUBLE GoldsteinScale;
    REQUIRED INT64 NumMentions;
    REQUIRED INT64 NumSources;
    REQUIRED INT64 NumArticles;
    OPTIONAL DOUBLE AvgTone;
    OPTIONAL BYTE_ARRAY ActionGeo_FullName (UTF8);
    OPTIONAL BYTE_ARRAY ActionGeo_CountryCode (UTF8);
    OPTIONAL DOUBLE ActionGeo_Lat;
    OPTIONAL DOUBLE ActionGeo_Long;
    OPTIONAL INT64 ActionGeo_FeatureID;
    REQUIRED BYTE_ARRAY doc_id (UTF8);
    OPTIONAL BYTE_ARRAY SOURCEURL (UTF8);
    REQUIRED BYTE_ARRAY trigger (UTF8);
}";

#[derive(Default)]
struct Columns {
    id: Vec<i64>,
    date: Vec<Option<String>>,
    actor1: Vec<Option<String>>,
    actor2: Vec<Option<String>>,
    code: Vec<String>,
    root: Vec<String>,
    quad: Vec<i32>,
    goldstein: Vec<f64>,
    mentions: Vec<i64>,
    sources: Vec<i64>,
    articles: Vec<i64>,
    tone: Vec<Option<f64>>,
    place: Vec<Option<String>>,
    country: Vec<Option<String>>,
    lat: Vec<Option<f64>>,
    lon: Vec<Option<f64>>,
    geonameid: Vec<Option<i64>>,
    doc_id: Vec<String>,
    url: Vec<Option<String>>,
    trigger: Vec<String>,
}

fn perr(e: parquet::errors::ParquetError) -> StoreError {
    StoreError::Parquet(e.to_string())
}

fn bytes(v: &[String]) -> Vec<ByteArray> {
    v.iter().map(|s| ByteArray::from(s.as_str())).collect()
}

/// Values and definition levels of an optional column.
fn optional<T: Clone, U>(v: &[Option<T>], f: impl Fn(&T) -> U) -> (Vec<U>, Vec<i16>) {
    let values = v.iter().flatten().map(f).collect();
    let levels = v.iter().map(|x| i16::from(x.is_some())).collect();
    (values, levels)
}

fn write_group<W: Write + Send>(w: &mut SerializedFileWriter<W>, c: &Columns) -> Result<()> {
    let mut rg = w.next_row_group().map_err(perr)?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column().map_err(perr)? {
        let cw = &mut col;
        match i {
            0 => cw.typed::<Int64Type>().write_batch(&c.id, None, None),
            4 => cw
                .typed::<ByteArrayType>()
                .write_batch(&bytes(&c.code), None, None),
            5 => cw
                .typed::<ByteArrayType>()
                .write_batch(&bytes(&c.root), None, None),
            6 => cw.typed::<Int32Type>().write_batch(&c.quad, None, None),
            7 => cw
                .typed::<DoubleType>()
                .write_batch(&c.goldstein, None, None),
            8 => cw.typed::<Int64Type>().write_batch(&c.mentions, None, None),
            9 => cw.typed::<Int64Type>().write_batch(&c.sources, None, None),
            10 => cw.typed::<Int64Type>().write_batch(&c.articles, None, None),
            17 => cw
                .typed::<ByteArrayType>()
                .write_batch(&bytes(&c.doc_id), None, None),
            19 => cw
                .typed::<ByteArrayType>()
                .write_batch(&bytes(&c.trigger), None, None),
            1 | 2 | 3 | 12 | 13 | 18 => {
                let v = match i {
                    1 => &c.date,
                    2 => &c.actor1,
                    3 => &c.actor2,
                    12 => &c.place,
                    13 => &c.country,
                    _ => &c.url,
                };
                let (values, levels) = optional(v, |s| ByteArray::from(s.as_str()));
                cw.typed::<ByteArrayType>()
                    .write_batch(&values, Some(&levels), None)
            }
            11 | 14 | 15 => {
                let v = match i {
                    11 => &c.tone,
                    14 => &c.lat,
                    _ => &c.lon,
                };
                let (values, levels) = optional(v, |x| *x);
                cw.typed::<DoubleType>()
                    .write_batch(&values, Some(&levels), None)
            }
            16 => {
                let (values, levels) = optional(&c.geonameid, |x| *x);
                cw.typed::<Int64Type>()
                    .write_batch(&values, Some(&levels), None)
            }
            _ => unreachable!("the schema has 20 columns"),
        }
        .map_err(perr)?;
        col.close().map_err(perr)?;
        i += 1;
    }
    rg.close().map_err(perr)?;
    Ok(())
}

/// Write the events matching `filter` as one Parquet file to `out`. Returns the number of rows.
pub(crate) fn write(store: &Store, filter: &EventFilter, out: &mut dyn Write) -> Result<usize> {
    let schema = Arc::new(parquet::schema::parser::parse_message_type(SCHEMA).map_err(perr)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build(),
    );
    // Parquet writes its footer last, so the file is built in memory and then copied out
    // (`out` may be standard output, which cannot seek).
    let mut buffer = Vec::new();
    let mut w = SerializedFileWriter::new(&mut buffer, schema, props).map_err(perr)?;
    let (clause, args) = filter.clause()?;
    let sql = format!(
        "SELECT e.event_id, e.date, e.source_code, e.target_code, e.code, e.root, e.quad,
                e.goldstein, e.num_mentions, e.num_sources, e.num_articles, e.avg_tone, e.place,
                e.country, e.lat, e.lon, e.geonameid, d.id, d.url,
                coalesce(json_extract(m.event, '$.trigger.text'), '')
         FROM events e JOIN mentions m ON m.mention_id = e.first_mention
         JOIN documents d ON d.doc_key = m.doc_key
         WHERE {clause} ORDER BY e.event_id"
    );
    let mut st = store.conn.prepare(&sql)?;
    let mut rows = st.query(rusqlite::params_from_iter(args))?;
    let mut c = Columns::default();
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let date: String = r.get(1)?;
        c.id.push(r.get(0)?);
        c.date
            .push((!date.is_empty()).then(|| date.replace('-', "")));
        c.actor1.push(r.get(2)?);
        c.actor2.push(r.get(3)?);
        c.code.push(r.get(4)?);
        c.root.push(r.get(5)?);
        c.quad.push(r.get(6)?);
        c.goldstein.push(r.get(7)?);
        c.mentions.push(r.get(8)?);
        c.sources.push(r.get(9)?);
        c.articles.push(r.get(10)?);
        c.tone.push(r.get(11)?);
        c.place.push(r.get(12)?);
        c.country.push(r.get(13)?);
        c.lat.push(r.get(14)?);
        c.lon.push(r.get(15)?);
        c.geonameid.push(r.get(16)?);
        c.doc_id.push(r.get(17)?);
        c.url.push(r.get(18)?);
        c.trigger.push(r.get(19)?);
        n += 1;
        if c.id.len() == ROW_GROUP {
            write_group(&mut w, &c)?;
            c = Columns::default();
        }
    }
    if !c.id.is_empty() || n == 0 {
        write_group(&mut w, &c)?;
    }
    w.close().map_err(perr)?;
    out.write_all(&buffer)?;
    Ok(n)
}

//! Compact binary model files: a versioned header line, a method byte, then the little-endian
//! payload, deflate-compressed when that saves at least a tenth of it (quantised weights hardly
//! compress, and inflating them would cost more load time than it saves bytes).

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use std::io::{Read, Write};
use std::path::Path;

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read.
    #[error("{path}: {error}")]
    Io {
        /// The model file.
        path: String,
        /// Underlying error (shown in the message, so not chained as a source).
        error: std::io::Error,
    },
    /// The file is not the expected model format (or version).
    #[error("{path}: not a {expected} model (found \"{found}\"); retrain with `herald train`")]
    Format {
        /// The model file.
        path: String,
        /// Expected format name.
        expected: String,
        /// What the header said.
        found: String,
    },
    /// The file ended early or holds an impossible value.
    #[error("model data truncated or corrupt at byte {0}")]
    Corrupt(usize),
}

/// Appends little-endian values to a buffer.
#[derive(Default)]
pub struct ByteWriter {
    buf: Vec<u8>,
}

#[allow(missing_docs)]
impl ByteWriter {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                break;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }
    pub fn into_inner(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads little-endian values from a buffer.
pub struct ByteReader<'a> {
    buf: &'a [u8],
    pos: usize,
}

#[allow(missing_docs)]
impl<'a> ByteReader<'a> {
    pub fn new(buf: &'a [u8]) -> ByteReader<'a> {
        ByteReader { buf, pos: 0 }
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if self.pos + n > self.buf.len() {
            return Err(ModelError::Corrupt(self.pos));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        self.take(n)
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take(2)?.try_into().unwrap()))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift > 63 {
                return Err(ModelError::Corrupt(self.pos));
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.varint()? as usize;
        let pos = self.pos;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| ModelError::Corrupt(pos))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.varint()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
}

/// Write `payload` to `path` as a model file named `format` (e.g. `herald.tagger.v1`).
pub fn save(path: &Path, format: &str, payload: &[u8]) -> std::io::Result<()> {
    let mut enc = DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(payload)?;
    let body = enc.finish()?;
    let (method, body) = if body.len() * 10 < payload.len() * 9 {
        (METHOD_DEFLATE, &body[..])
    } else {
        (METHOD_STORED, payload)
    };
    let mut out = Vec::with_capacity(body.len() + 64);
    out.extend_from_slice(format.as_bytes());
    out.push(b'\n');
    out.push(method);
    out.extend_from_slice(body);
    std::fs::write(path, out)
}

const METHOD_STORED: u8 = 0;
const METHOD_DEFLATE: u8 = 1;

/// Read the payload of a model file, checking that it is a `format` model.
pub fn load(path: &Path, format: &str) -> Result<Vec<u8>, ModelError> {
    let bytes = std::fs::read(path).map_err(|e| ModelError::Io {
        path: path.display().to_string(),
        error: e,
    })?;
    let nl = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len().min(64));
    let header = String::from_utf8_lossy(&bytes[..nl]).to_string();
    if header != format {
        return Err(ModelError::Format {
            path: path.display().to_string(),
            expected: format.into(),
            found: header,
        });
    }
    let body = &bytes[(nl + 1).min(bytes.len())..];
    match body.first() {
        Some(&METHOD_STORED) => {
            let skip = nl + 2;
            let mut bytes = bytes;
            bytes.drain(..skip);
            Ok(bytes)
        }
        Some(&METHOD_DEFLATE) => {
            // Reserve for a typical inflation ratio, so the buffer is not re-allocated as it grows.
            let mut out = Vec::with_capacity(body.len() * 4);
            DeflateDecoder::new(&body[1..])
                .read_to_end(&mut out)
                .map_err(|e| ModelError::Io {
                    path: path.display().to_string(),
                    error: e,
                })?;
            Ok(out)
        }
        _ => Err(ModelError::Corrupt(nl + 1)),
    }
}

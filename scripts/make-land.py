#!/usr/bin/env python3
"""Build crates/herald-serve/src/land-110m.path: Natural Earth 1:110m land (public domain) as one
SVG path in equirectangular coordinates (x = lon + 180, y = 90 - lat, 0.1 degree precision),
for the dashboard's map.

Source: land-110m.json of the npm package world-atlas 2.0.2 (ISC, Mike Bostock; Natural Earth
4.1.0 as TopoJSON): `npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz`.
Usage: scripts/make-land.py package/land-110m.json crates/herald-serve/src/land-110m.path
"""
import json
import sys

topo = json.load(open(sys.argv[1]))
sx, sy = topo["transform"]["scale"]
tx, ty = topo["transform"]["translate"]
arcs = []
for arc in topo["arcs"]:
    x = y = 0
    pts = []
    for dx, dy in arc:  # delta-encoded, quantized
        x += dx
        y += dy
        pts.append((x * sx + tx, y * sy + ty))
    arcs.append(pts)


def ring(indices):
    pts = []
    for i in indices:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


parts = []
for geom in topo["objects"]["land"]["geometries"]:
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    for poly in polys:
        for r in poly:
            pts = ring(r)
            out, last = [], None
            for lon, lat in pts:
                p = (round(lon + 180, 1), round(90 - lat, 1))
                if p != last:
                    out.append(p)
                    last = p
            if len(out) < 3:
                continue
            # A ring that crosses the antimeridian jumps across the map: cut it there.
            d, prev = "", None
            for x, y in out:
                cmd = "M" if prev is None or abs(x - prev) > 180 else "L"
                d += f"{cmd}{x:g},{y:g}"
                prev = x
            parts.append(d + ("Z" if d.count("M") == 1 else ""))
open(sys.argv[2], "w").write("".join(parts) + "\n")

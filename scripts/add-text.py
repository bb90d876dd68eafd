#!/usr/bin/env python3
"""Adds (or replaces) texts in a pair of page resource files, English (neutral) and Simplified Chinese.

    python3 scripts/add-text.py src/EmergencyWorkflows.Api/Pages/CommonText Key "English text" "中文文本" [Key2 en2 zh2 ...]

Creates <base>.resx and <base>.zh-CN.resx when missing (then also create <base>.cs: an empty marker class
`public sealed class <Name>;` in the namespace of its folder, for IStringLocalizer<Name>). Keys stay sorted.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def save(path: Path, texts: dict) -> None:
    body = "".join(
        f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(v)}</value></data>\n' for k, v in sorted(texts.items())
    )
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main(argv):
    if len(argv) < 5 or (len(argv) - 2) % 3:
        print(__doc__)
        return 2
    base = argv[1][:-5] if argv[1].endswith(".resx") else argv[1]
    en_path, zh_path = Path(base + ".resx"), Path(base + ".zh-CN.resx")
    en, zh = load(en_path), load(zh_path)
    for i in range(2, len(argv), 3):
        key, en_text, zh_text = argv[i], argv[i + 1], argv[i + 2]
        if not en_text.strip() or not zh_text.strip():
            print(f"{key}: both texts are required")
            return 2
        en[key], zh[key] = en_text, zh_text
    save(en_path, en)
    save(zh_path, zh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

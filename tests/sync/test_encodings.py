"""Reading a lead or an address book whole: UTF-8, UTF-16 with a BOM and Windows-1252 are
read; a file that cannot be read honestly in one of them (Shift-JIS, GBK, EUC-KR, a mix) is
refused with a sentence, never returned as mojibake. The samples are real text encoded with
Python's codecs, as the exporting programs write them."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from faker import Faker

from contact_desk.domain.errors import InvalidValue
from contact_desk.sync.encodings import escaped, misread, read_text

LIMIT = 1_000_000
NEITHER = "neither UTF-8 nor Windows-1252"


def card(name: str, company: str, street: str, city: str) -> str:
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nORG:{company}\r\n"
            f"ADR:;;{street};{city};;;\r\nEND:VCARD\r\n")


# Text of other scripts, in the code pages that write them. Each decodes as Windows-1252
# without an error: only reading it tells that it is not Western text.
FOREIGN = [
    ("shift_jis", card("田中 里佳", "有限会社木村運輸", "004 藤井 Street", "横浜市金沢区")),
    ("shift_jis", card("伊藤 里佳", "中村農林有限会社", "183 渡辺 Street", "横浜市戸塚区")),
    ("euc_jp", card("山田 太郎", "トヨタ自動車株式会社", "丸の内1-1", "千代田区")),
    ("gbk", card("王小明", "北京汽车销售有限公司", "朝阳区建国路88号", "北京")),
    ("gbk", card("李 娜", "张伟", "刘洋", "上海")),
    ("big5", card("陳大文", "台灣汽車股份有限公司", "信義路五段7號", "台北市")),
    ("euc_kr", card("김민수", "현대자동차", "테헤란로 123", "서울특별시 강남구")),
    ("euc_kr", card("이 서연", "박지훈", "강남대로 1", "부산")),
    ("cp1251", card("Иван Петров", "Автодом", "ул. Ленина, 5", "Москва")),
    ("cp1253", card("Γιώργος Παπαδόπουλος", "Αυτοκίνητα ΑΕ", "Οδός Αθηνάς 5", "Αθήνα")),
]

WESTERN = [
    card("Zoë Brontë", "Café Crème & Frères", "12 rue de l’Église", "Besançon"),
    card("François Lefèvre", "« Très bien » – à rappeler…", "Coût 12 €", "Évreux"),
    card("José Peña Muñoz", "Núñez y Compañía", "Calle de la Señora 5, 3º", "Logroño"),
    card("María Ángeles", "¿Dónde? ¡Ánimo!", "Nª Sra. de Begoña", "A Coruña"),
    card("Jürgen Müller", "Autohaus Müßig GmbH", "Schloßstraße 7", "Köln"),
    card("Björn Größe", "Österreich Motors", "Ringstraße 25°", "Wien"),
    card("Þórður Ægisson", "Hróðólfur ehf.", "Sörlaskjól 4", "Reykjavík"),
    card("Åse Sørensen", "Håkon Øvergård A/S", "Nørrebrogade 1", "København"),
    card("Serena Ó hÉalaí", "Seán Ó Súilleabháin", "Sráid Mhór", "Dún Laoghaire"),
    card("João Gonçalves", "Conceição & Estêvão", "Praça São Tomé", "Ribeirão Preto"),
    card("Jan Žák", "Šárka Žižková", "Œuvre cœur", "O’Brien, D´Angelo"),
    card("“Quoted” ‘text’", "— dash – bullet • ™ © ® ± ½ µ", "25 °C, 5‰", "m² l·lució"),
]


def written(tmp_path: Path, data: bytes, name: str = "cards.vcf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("encoding", "text"), FOREIGN,
                         ids=[f"{encoding}-{n}" for n, (encoding, _) in enumerate(FOREIGN)])
def test_text_of_another_code_page_is_refused_not_read_as_mojibake(tmp_path, encoding, text):
    data = text.encode(encoding)
    data.decode("cp1252")  # it would decode: the reading has to tell
    with pytest.raises(InvalidValue, match=NEITHER):
        read_text(written(tmp_path, data), LIMIT)


@pytest.mark.parametrize("text", WESTERN, ids=range(len(WESTERN)))
def test_western_names_in_windows_1252_are_read(tmp_path, text):
    assert read_text(written(tmp_path, text.encode("cp1252")), LIMIT) == text


WESTERN_LOCALES = ["fr_FR", "fr_CA", "es_ES", "es_MX", "de_DE", "de_AT", "it_IT", "pt_PT",
                   "pt_BR", "nl_NL", "sv_SE", "da_DK", "no_NO", "fi_FI", "is_IS", "ga_IE"]


@pytest.mark.parametrize("locale", WESTERN_LOCALES)
def test_generated_western_cards_in_windows_1252_are_read_one_by_one(tmp_path, locale):
    fake = Faker(locale)
    fake.seed_instance(19)
    for _ in range(200):
        text = card(fake.name(), fake.company(), fake.street_address(), fake.city())
        try:
            data = text.encode("cp1252")
        except UnicodeEncodeError:
            continue  # a letter Windows-1252 has not: never written in it
        assert read_text(written(tmp_path, data), LIMIT) == text


@pytest.mark.parametrize(("locale", "encoding"), [
    ("ja_JP", "euc_jp"), ("zh_CN", "gbk"), ("zh_TW", "big5"), ("ko_KR", "euc_kr")])
def test_generated_cards_of_other_scripts_are_refused_one_by_one(tmp_path, locale, encoding):
    fake = Faker(locale)
    fake.seed_instance(19)
    for _ in range(100):
        text = card(fake.name(), fake.company(), fake.street_address(), fake.city())
        try:
            data = text.encode(encoding)
            data.decode("cp1252")
        except UnicodeError:
            continue  # not writable in it, or refused as not Windows-1252 at all
        with pytest.raises(InvalidValue, match=NEITHER):
            read_text(written(tmp_path, data), LIMIT)


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_a_bom_is_read_in_either_byte_order(tmp_path, bom, codec):
    text = card("王小明", "Zoë Brontë", "김민수", "Þórður")
    assert read_text(written(tmp_path, bom + text.encode(codec)), LIMIT) == text


@pytest.mark.parametrize(("data", "message"), [
    ("Zoë\n".encode() + "Müller\n".encode("cp1252"), "partly UTF-8 and partly Windows-1252"),
    (codecs.BOM_UTF8 + "Müller\n".encode("cp1252"), "marked as UTF-8 but is not valid UTF-8"),
    (codecs.BOM_UTF16_LE + "Müller".encode("utf-16-le") + b"\x00\xdc",
     "marked as UTF-16 but is not valid UTF-16"),
    ("BEGIN:VCARD\n".encode("utf-16-le"), NEITHER),  # UTF-16 without its BOM
    (b"BEGIN:VCARD\nFN:Ann\x00Lee\n", NEITHER),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NEITHER),
    (codecs.BOM_UTF32_LE + "Ann".encode("utf-32-le"), "is in UTF-32"),
])
def test_a_file_that_cannot_be_read_honestly_is_refused(tmp_path, data, message):
    with pytest.raises(InvalidValue, match=message):
        read_text(written(tmp_path, data), LIMIT)


def test_utf8_with_or_without_bom_and_plain_ascii_are_read(tmp_path):
    text = card("Zoë Brontë", "王小明", "김민수", "Ann Lee")
    assert read_text(written(tmp_path, text.encode()), LIMIT) == text
    assert read_text(written(tmp_path, codecs.BOM_UTF8 + text.encode()), LIMIT) == text
    assert read_text(written(tmp_path, b"FN:Ann Lee\n"), LIMIT) == "FN:Ann Lee\n"


@pytest.mark.parametrize(("text", "meant"), [
    ("ZoÃ« BrontÃ«", "Zoë Brontë"), ("CafÃ© MÃ¼ller", "Café Müller"),
    ("Ã\x89vreux", None),  # É's second byte is no Windows-1252 character: not this kind
    ("Zoë Brontë", None), ("Ãlvaro", None), ("SÃO PAULO", None), ("Ann Lee", None),
])
def test_utf8_read_as_windows_1252_is_recognised(text, meant):
    assert misread(text) == meant


def test_control_characters_are_written_out_to_be_printed():
    assert escaped("Ann\x1b[31m Lee\x7f\x85\tx\n") == "Ann\\x1b[31m Lee\\x7f\\x85\\x09x\\x0a"
    assert escaped("Zoë \udce9") == "Zoë \\xe9"  # a byte that was not UTF-8
    assert escaped("Zoë Brontë") == "Zoë Brontë"

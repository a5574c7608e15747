"""Open-data exports of the directory: CSV for French spreadsheets, and JSON."""

from __future__ import annotations

import json

from cocon.organisations.models import Organisation
from cocon.spreadsheet import csv_bytes

# the columns of the export, which the import reads back
COLUMNS = ["nom", "forme_juridique", "type_cooperative", "esus", "date_esus", "secteurs",
           "enjeux", "adresse", "code_postal", "commune", "site_web", "description", "effectif",
           "tete_de_reseau", "membre_du_conseil", "latitude", "longitude"]


def _yes(value: bool) -> str:
    return "oui" if value else "non"


def organisation_record(organisation: Organisation) -> dict:
    """The open-data fields of one organisation, as codes (the export's vocabulary)."""
    return {
        "nom": organisation.name, "forme_juridique": organisation.legal_form,
        "type_cooperative": organisation.cooperative_kind or "",
        "esus": _yes(organisation.esus),
        "date_esus": organisation.esus_date.isoformat() if organisation.esus_date else "",
        "secteurs": "|".join(organisation.sector_list),
        "enjeux": "|".join(organisation.stake_list), "adresse": organisation.address,
        "code_postal": organisation.postcode, "commune": organisation.commune,
        "site_web": organisation.website, "description": organisation.description,
        "effectif": organisation.size_range or "",
        "tete_de_reseau": _yes(organisation.is_network_head),
        "membre_du_conseil": _yes(organisation.is_council_member),
        "latitude": "" if organisation.latitude is None else organisation.latitude,
        "longitude": "" if organisation.longitude is None else organisation.longitude,
    }


def export_csv(organisations: list[Organisation]) -> bytes:
    """UTF-8 with a BOM and `;` separators, every cell guarded against formulas."""
    records = (organisation_record(organisation) for organisation in organisations)
    return csv_bytes(COLUMNS, ([record[column] for column in COLUMNS] for record in records))


def export_json(organisations: list[Organisation], *, council_name: str) -> bytes:
    """The same records as JSON, lists as lists and booleans as booleans."""
    items = []
    for organisation in organisations:
        record = organisation_record(organisation)
        record.update(id=organisation.id, secteurs=organisation.sector_list,
                      enjeux=organisation.stake_list, esus=organisation.esus,
                      tete_de_reseau=organisation.is_network_head,
                      membre_du_conseil=organisation.is_council_member,
                      latitude=organisation.latitude, longitude=organisation.longitude)
        items.append(record)
    return json.dumps({"conseil": council_name, "organisations": items}, ensure_ascii=False,
                      indent=1).encode("utf-8")

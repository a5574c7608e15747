"""Demonstration directory: about twenty believable ESS actors of a metropolitan territory."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.accounts.models import User
from cocon.council.models import Council
from cocon.organisations.models import Organisation
from cocon.organisations.services import affiliate, propose_organisation

# name, legal form, kind, sectors, stakes, commune, postcode, size, network head, council
# member, ESUS, (lat, lon), representative's e-mail local part, description
ORGANISATIONS = [
    ("Bâtisseurs Solidaires", "cooperative", "scop", "batiment", "emploi|logement", "Strasbourg",
     "67200", "10-49", False, True, False, (48.5836, 7.7083), "scop",
     "SCOP de bâtiment : rénovation énergétique et éco-construction, 32 salarié·es associé·es."),
    ("Énergies Citoyennes du Rhin", "cooperative", "scic", "energie",
     "transition_ecologique|cohesion_sociale", "Schiltigheim", "67300", "1-9", False, True, True,
     (48.6069, 7.7497), "scic",
     "SCIC d'énergie citoyenne : toitures photovoltaïques financées par 600 habitant·es."),
    ("La Recyclerie du Port", "association", None, "environnement|insertion",
     "economie_circulaire|emploi", "Strasbourg", "67100", "10-49", False, True, True,
     (48.5672, 7.7741), "recyclerie",
     "Recyclerie associative : collecte, réemploi et revente d'objets, ateliers de réparation."),
    ("Réseau des AMAP d'Alsace", "association", None, "agriculture",
     "alimentation|transition_ecologique", "Strasbourg", "67000", "1-9", True, True, False,
     (48.5800, 7.7500), "asso",
     "Réseau de 40 AMAP : partenariats entre paysan·nes et mangeur·ses du territoire."),
    ("Coopérative d'Activité et d'Emploi Rhénane", "cooperative", "cae", "services|education",
     "emploi", "Strasbourg", "67000", "50-249", False, True, False, (48.5734, 7.7521), None,
     "CAE : 180 entrepreneur·es salarié·es testent et développent leur activité."),
    ("Mutuelle Solidaire de l'Eurométropole", "mutuelle", None, "sante|finance", "sante",
     "Strasbourg", "67000", "250+", False, True, False, (48.5816, 7.7456), "mutuelle",
     "Mutuelle santé et prévoyance, centres de santé mutualistes et actions de prévention."),
    ("Fondation Solidarités Rhénanes", "fondation", None, "action_sociale",
     "cohesion_sociale|logement", "Strasbourg", "67000", "10-49", False, True, False,
     (48.5855, 7.7371), "fondation",
     "Fondation reconnue d'utilité publique : soutien aux projets d'habitat et d'inclusion."),
    ("Régie de quartier du Neuhof", "association", None, "services|insertion",
     "emploi|cohesion_sociale", "Strasbourg", "67100", "50-249", False, False, True,
     (48.5546, 7.7712), None,
     "Régie de quartier : entretien des espaces communs, emplois d'insertion pour les habitant·es."),
    ("Chantier d'insertion Les Jardins du Ried", "association", None, "insertion|agriculture",
     "emploi|alimentation", "Illkirch-Graffenstaden", "67400", "10-49", False, False, True,
     (48.5298, 7.7151), None,
     "Atelier et chantier d'insertion (SIAE) : maraîchage biologique et paniers solidaires."),
    ("CRESS Grand Est", "association", None, "action_sociale", "emploi|cohesion_sociale",
     "Strasbourg", "67000", "10-49", True, True, False, (48.5794, 7.7599), "cress",
     "Chambre régionale de l'ESS : représentation, observatoire et accompagnement des acteurs."),
    ("Tiers-lieu La Fabrique Commune", "cooperative", "scic", "culture|numerique",
     "culture|numerique|cohesion_sociale", "Schiltigheim", "67300", "1-9", False, False, True,
     (48.6041, 7.7468), None,
     "Tiers-lieu en SCIC : fablab, café associatif, coworking et résidences d'artistes."),
    ("Habitat Partagé des Tanneurs", "cooperative", "usagers", "batiment", "logement",
     "Strasbourg", "67000", "0", False, False, False, (48.5812, 7.7420), None,
     "Coopérative d'habitant·es : 14 logements, une salle commune et un jardin partagé."),
    ("Épicerie solidaire Le Panier Partagé", "association", None, "commerce|action_sociale",
     "alimentation|cohesion_sociale", "Bischheim", "67800", "1-9", False, False, True,
     (48.6157, 7.7530), None,
     "Épicerie solidaire : produits à prix réduits et ateliers cuisine pour les familles."),
    ("Le Florin, monnaie locale", "association", None, "finance|commerce",
     "transition_ecologique|cohesion_sociale", "Strasbourg", "67000", "1-9", False, True, False,
     (48.5830, 7.7480), None,
     "Monnaie locale complémentaire : 300 commerces et producteurs du territoire l'acceptent."),
    ("Vélo Solidaire Atelier", "association", None, "transport|insertion",
     "mobilite|economie_circulaire", "Lingolsheim", "67380", "1-9", False, False, True,
     (48.5577, 7.6836), None,
     "Atelier vélo participatif et solidaire : réparation, vélos d'occasion, remise en selle."),
    ("Coopérative Numérique du Rhin", "cooperative", "scop", "numerique",
     "numerique|emploi", "Strasbourg", "67000", "10-49", False, False, False, (48.5740, 7.7610),
     None, "SCOP de services numériques libres pour les associations et les collectivités."),
    ("Compagnie Théâtre en Partage", "association", None, "culture", "culture|cohesion_sociale",
     "Hoenheim", "67800", "1-9", False, False, False, (48.6252, 7.7556), None,
     "Compagnie de théâtre participatif dans les quartiers prioritaires."),
    ("Entreprise adaptée Rhin Services", "entreprise_ess", None, "services|insertion",
     "emploi", "Ostwald", "67540", "50-249", False, False, True, (48.5426, 7.7098), None,
     "Entreprise commerciale de l'ESS : blanchisserie et logistique, 70 % de travailleur·ses "
     "en situation de handicap."),
    ("Cigales de l'Eurométropole", "association", None, "finance", "emploi",
     "Strasbourg", "67000", "0", True, False, False, None, None,
     "Réseau de clubs d'investisseurs citoyens pour une gestion alternative et locale de l'épargne."),
    ("Crèche parentale Les P'tits Loups", "association", None, "services|education",
     "education|egalite", "Illkirch-Graffenstaden", "67400", "10-49", False, False, False,
     (48.5290, 7.7190), None, "Crèche associative gérée par les parents, 24 berceaux."),
]
PENDING = ("Repair Café de Schiltigheim", "association", None, "environnement",
           "economie_circulaire", "Schiltigheim", "67300", "0", False, False, False, None,
           "citoyenne1", "Rendez-vous mensuel de réparation d'objets avec des bénévoles.")


def _data(row) -> dict:
    (name, form, kind, sectors, stakes, commune, postcode, size, head, member, esus, position,
     _email, description) = row
    return {"name": name, "legal_form": form, "cooperative_kind": kind, "sectors": sectors,
            "stakes": stakes, "commune": commune, "postcode": postcode, "size_range": size,
            "is_network_head": head, "is_council_member": member, "esus": esus,
            "latitude": position[0] if position else None,
            "longitude": position[1] if position else None, "description": description,
            "website": "https://" + "".join(c for c in name.lower() if c.isascii() and c.isalnum())
            [:24] + ".example.org"}


def _user(db: Session, local: str | None) -> User | None:
    if local is None:
        return None
    return db.scalar(select(User).where(User.email == f"{local}@demo.cocon.fr"))


def council_organisations(db: Session, council: Council):
    """The demonstration directory's organisations."""
    return db.scalars(select(Organisation).where(Organisation.council_id == council.id))


def populate_organisations(db: Session, council: Council, *, now: datetime) -> None:
    """Create the demonstration directory; most organisations validated, one pending."""
    for row in ORGANISATIONS:
        organisation = propose_organisation(db, council, _data(row), actor=None, now=now,
                                            validated=True)
        representative = _user(db, row[12])
        if representative is not None:
            affiliate(db, organisation, representative, is_representative=True, actor=None,
                      now=now)
    pending = propose_organisation(db, council, _data(PENDING), actor=None, now=now)
    proposer = _user(db, PENDING[12])
    if proposer is not None:
        pending.created_by_id = proposer.id
        affiliate(db, pending, proposer, is_representative=True, actor=None, now=now)
    cigales = next(o for o in council_organisations(db, council) if o.name.startswith("Cigales"))
    affiliate(db, cigales, _user(db, "banque"), is_representative=False, actor=None, now=now)

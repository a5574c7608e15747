"""Demonstration votes: three closed ballots on the past plenary and a followed-up register."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cocon.council.permissions import is_voting_member
from cocon.council.plenary.models import Plenary, Proxy
from cocon.proposals import drafting, register
from cocon.proposals.casting import cast_vote
from cocon.proposals.voting import close_ballot, create_ballot, open_ballot
from cocon.workshops.models import Workshop

PURCHASING = ("Clauses sociales dans la commande publique",
              "La collectivité réserve **au moins 15 %** de ses marchés de services aux "
              "structures d'insertion et aux entreprises adaptées, et accompagne les petites "
              "structures de l'ESS dans leurs réponses aux appels d'offres.")
TRAINING = ("Former les dirigeant·es bénévoles de l'ESS",
            "Un programme de formation gratuit (gestion, gouvernance, numérique) pour "
            "200 dirigeant·es bénévoles d'associations en trois ans, porté avec la CRESS.")
LAND = ("Un fonds foncier pour les tiers-lieux",
        "Créer un fonds foncier dédié aux tiers-lieux de l'ESS, abondé par la collectivité "
        "et la banque des territoires.")
THEMES = ["Alimentation durable", "Mobilités solidaires", "Réemploi et économie circulaire"]


def add_votes(db: Session, council, *, now) -> None:
    """Hold three votes on the past plenary, then follow the adopted orientations."""
    users = {m.user.email.split("@")[0]: m.user for m in council.memberships}
    facilitator = users["animation"]
    plenary = db.scalar(select(Plenary).where(Plenary.council_id == council.id)
                        .order_by(Plenary.starts_at).limit(1))
    items = plenary.items
    when = plenary.starts_at + timedelta(minutes=30)
    workshop = db.scalar(select(Workshop).where(Workshop.council_id == council.id).limit(1))
    drafted = plenary.starts_at - timedelta(days=60)
    voters = [m.user for m in council.memberships if is_voting_member(m)]
    voting_ids = {u.id for u in voters}
    proxies = [p for p in db.scalars(select(Proxy).where(Proxy.plenary_id == plenary.id))
               if p.giver_id in voting_ids and p.holder_id in voting_ids]
    givers = {p.giver_id for p in proxies}
    present = [u for u in voters if u.id not in givers]

    def proposal(title, body, author):
        p = drafting.create_proposal(db, council=council, title=title, body=body,
                                     author=users[author], now=drafted,
                                     workshop_id=getattr(workshop, "id", None))
        drafting.submit_proposal(db, proposal=p, actor=users[author], now=drafted)
        for local in ("scic", "asso", "cress"):
            if users[local].id != p.author_id:
                drafting.support_proposal(db, proposal=p, user=users[local], now=drafted)
        return p

    def run(item, question, method, choices, proposal=None, **kw):
        ballot = create_ballot(db, item=item, question=question, method=method,
                               proposal=proposal, actor=facilitator, now=when, **kw)
        open_ballot(db, ballot=ballot, actor=facilitator, now=when)
        for voter, choice in zip(present, choices):
            cast_vote(db, ballot=ballot, voter=voter, now=when, **choice)
        for proxy in proxies:
            holder = next(u for u in voters if u.id == proxy.holder_id)
            giver = next(u for u in voters if u.id == proxy.giver_id)
            cast_vote(db, ballot=ballot, voter=holder, on_behalf_of=giver, now=when,
                      **choices[0])
        close_ballot(db, ballot=ballot, actor=facilitator, now=when + timedelta(minutes=10))

    purchasing = proposal(*PURCHASING, "scop")
    amendment = drafting.propose_amendment(
        db, proposal=purchasing, author=users["elu2"], reason="Un objectif plus ambitieux.",
        new_body=purchasing.body.replace("15 %", "20 %"), now=drafted + timedelta(days=5))
    drafting.decide_amendment(db, amendment=amendment, accept=True, actor=facilitator,
                              now=drafted + timedelta(days=10))
    drafting.put_on_agenda(db, proposal=purchasing, item=items[2], actor=facilitator, now=drafted)
    yes = [{"choice": "pour"}] * 10 + [{"choice": "contre"}] * 2 + [{"choice": "abstention"}] * 3
    run(items[2], "Adopter l'orientation « Clauses sociales dans la commande publique » ?",
        "simple_majority", yes, purchasing)

    land = proposal(*LAND, "recyclerie")
    drafting.put_on_agenda(db, proposal=land, item=items[3], actor=facilitator, now=drafted)
    consent = [{"choice": "consentement"}] * 16
    consent[3] = {"choice": "objection", "reason": "Le budget 2026 ne prévoit aucun crédit "
                  "foncier : il faut d'abord une étude de faisabilité."}
    run(items[3], "Consentez-vous au fonds foncier pour les tiers-lieux ?", "consent", consent,
        land)

    grades = ["Excellent", "Très bien", "Bien", "Assez bien", "Passable"]
    mj = [{"grades": {THEMES[0]: grades[i % 3], THEMES[1]: grades[(i + 2) % 5],
                      THEMES[2]: grades[(i + 1) % 4]}} for i in range(16)]
    run(items[-1], "Quel thème de travail pour l'année ?", "majority_judgment", mj,
        candidates=THEMES)

    training = proposal(*TRAINING, "cress")
    drafting.put_on_agenda(db, proposal=training, item=items[2], actor=facilitator, now=drafted)
    run(items[2], "Adopter l'orientation « Former les dirigeant·es bénévoles » ?",
        "simple_majority", [{"choice": "pour"}] * 14, training)
    _follow_up(db, facilitator, register.orientations(db, council), plenary.starts_at)


def _follow_up(db: Session, actor, orientations, adopted) -> None:
    by_title = {o.title: o for o in orientations}
    purchasing, training = by_title[PURCHASING[0]], by_title[TRAINING[0]]
    day = adopted + timedelta(days=30)
    register.update_orientation(db, orientation=purchasing, status="in_progress",
                                carried_by="Direction de la commande publique",
                                note="Schéma de promotion des achats responsables en révision.",
                                actor=actor, now=day)
    register.update_orientation(db, orientation=purchasing, actor=actor, now=day + timedelta(90),
                                note="Premiers marchés de nettoyage passés avec clause sociale.")
    register.update_orientation(db, orientation=training, status="to_start", actor=actor,
                                carried_by="CRESS et Maison de l'ESS", now=day,
                                note="Cahier des charges du programme en préparation.")
    for orientation, name, unit, target, values in (
            (purchasing, "Part des achats publics avec clause sociale", "%", 20,
             [(date(2025, 12, 31), 8), (date(2026, 6, 30), 12.5)]),
            (purchasing, "Part des emplois ESS dans l'emploi privé du territoire", "%", 13,
             [(date(2024, 12, 31), 10.9), (date(2025, 12, 31), 11.3)]),
            (training, "Personnes formées", "personnes", 200, [(date(2026, 6, 30), 35)])):
        indicator = register.add_indicator(db, orientation=orientation, name=name, unit=unit,
                                           target=target, actor=actor, now=day)
        for measured_on, value in values:
            register.add_indicator_value(db, indicator=indicator, measured_on=measured_on,
                                         value=value, actor=actor, now=day)

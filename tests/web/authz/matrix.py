"""The declared authorisation matrix: who may use each route and each live room of cocon.

Every (endpoint, method) of `app.url_map` has at least one `Case` below; a route that is not
declared here fails `test_every_route_is_declared`. A case is one request (a URL template
filled with the ids of `world.py`, and the form it sends) and the roles it must let through.
Every other role must be refused: 401 or a redirect to the login page for visitors, 403 or
404 for signed-in people, and never a change to the database. `special` pins the exact
status for a role whose request is allowed but refused by the state of things (e.g. 409).

The roles (see world.py): anonymous; citizen (an account, no council); voter (member of a
voting college of council A, author of A's proposals and of the first post of A's threads,
representative of A's validated organisation); advisory (member of A's advisory college);
observer; facilitator (of A, also the facilitator of A's workshops); council_admin (of A);
site_admin; other_member and other_facilitator (the same roles in council B).

The test also requests each case with council B's ids (and ids of another workshop,
session or proposal of A) under council A's slug: every role must then be refused (IDOR).
To add a route: add a `Case` (and a `Room` for a live room kind), run the test.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("anonymous", "citizen", "voter", "advisory", "observer", "facilitator",
         "council_admin", "site_admin", "other_member", "other_facilitator")

EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
NOBODY = frozenset()
A_MEMBERS = frozenset({"voter", "advisory", "observer", "facilitator", "council_admin"})
A_READERS = A_MEMBERS | {"site_admin"}                                  # members-only things
A_PARTICIPANTS = frozenset({"voter", "advisory", "facilitator", "council_admin"})  # not observers
A_WRITERS = A_PARTICIPANTS | {"site_admin"}                             # may post in a workshop
A_VOTERS = frozenset({"voter", "facilitator"})                          # voting colleges
A_FACILITATORS = frozenset({"facilitator", "council_admin", "site_admin"})
A_ADMINS = frozenset({"council_admin", "site_admin"})
ANY_FACILITATOR = A_FACILITATORS | {"other_facilitator"}


@dataclass(frozen=True)
class Case:
    endpoint: str
    method: str
    url: str                      # a template: {slug} and the other keys of world.py
    allow: frozenset
    data: dict | None = None      # form fields (values are templates too)
    json: dict | None = None
    files: dict | None = None     # field -> (file name, bytes)
    special: dict = field(default_factory=dict)  # role -> exact status expected
    changes: bool = True          # a POST: at least one allowed role changes the database
    idor: bool = True             # also request it with other councils' / parents' ids
    idor_refusal: int | None = None  # a status that also counts as refused there (if unchanged)
    note: str = ""

    @property
    def name(self) -> str:
        return f"{self.method} {self.endpoint} {self.url}"


def c(endpoint, method, url, allow, **kw) -> Case:
    return Case(endpoint, method, url, frozenset(allow), **kw)


S = "/conseils/{slug}"
PL = S + "/seances"
WS = S + "/ateliers/{w_pub}"
WM = S + "/ateliers/{w_mem}"
PR = S + "/propositions"
CR = PL + "/{cr_draft}/compte-rendu"
ORG = {"name": "Régie de quartier", "legal_form": "association", "commune": "Testville",
       "postcode": "59000"}
CSV = "nom;forme_juridique;commune\nÉpicerie solidaire;association;Testville\n".encode()
PLENARY_FORM = {"title": "Séance nouvelle", "kind": "ordinary", "starts_at": "2031-03-04T18:00"}
ALREADY_MEMBERS = {r: 409 for r in A_MEMBERS}  # accepting an invitation to one's own council
LAST_ADMINS = {"council_admin": 409, "site_admin": 409}  # who must hand over before erasing

CASES: list[Case] = [
    # -- the platform ----------------------------------------------------------------------
    c("main.index", "GET", "/", EVERYONE),
    c("main.health", "GET", "/healthz", EVERYONE),
    c("main.accessibility", "GET", "/accessibilite", EVERYONE),
    c("main.switch_language", "GET", "/langue/fr?next=/", EVERYONE),
    c("static", "GET", "/static/css/cocon.css", EVERYONE),
    c("search.index", "GET", "/recherche?q=fil", EVERYONE),
    c("search.index", "GET", "/recherche?q=brouillon", EVERYONE),
    c("search.index", "GET", "/recherche?q=interne", EVERYONE),
    c("auth.login", "GET", "/compte/connexion", EVERYONE),
    c("auth.login", "POST", "/compte/connexion", EVERYONE,
      data={"email": "nobody@authz.example.org", "password": "pas le bon mot de passe"}),
    c("auth.register", "GET", "/compte/inscription", EVERYONE),
    c("auth.register", "POST", "/compte/inscription", EVERYONE,
      data={"display_name": "Nouvelle", "email": "nouvelle@authz.example.org",
            "password": "un autre mot de passe long", "locale": "fr"}),
    c("auth.logout", "POST", "/compte/deconnexion", EVERYONE, changes=False,
      note="visitors are simply sent home"),
    c("auth.profile", "GET", "/compte/profil", SIGNED_IN),
    c("auth.profile", "POST", "/compte/profil", SIGNED_IN,
      data={"display_name": "Nom changé", "locale": "fr"}),
    c("auth.change_password", "POST", "/compte/mot-de-passe", SIGNED_IN,
      data={"pw-current": "un mot de passe assez long", "pw-new": "encore un mot de passe long"}),
    c("auth.end_sessions", "POST", "/compte/fermer-les-sessions", SIGNED_IN, changes=False,
      note="each role has a single session: nothing to end"),
    c("privacy.page", "GET", "/confidentialite", EVERYONE),
    c("privacy.download_json", "GET", "/compte/mes-donnees.json", SIGNED_IN),
    c("privacy.download_zip", "GET", "/compte/mes-donnees.zip", SIGNED_IN),
    c("privacy.erase", "GET", "/compte/supprimer", SIGNED_IN, special=LAST_ADMINS),
    c("privacy.erase", "POST", "/compte/supprimer", SIGNED_IN, special=LAST_ADMINS,
      data={"password": "un mot de passe assez long"}),
    c("notifications.index", "GET", "/notifications/", SIGNED_IN),
    c("notifications.settings", "GET", "/notifications/reglages", SIGNED_IN),
    c("notifications.settings", "POST", "/notifications/reglages", SIGNED_IN,
      data={"mention": "app", "reply": "none", "convocation": "email", "moderation": "app",
            "vote": "app"}),
    c("minutes.verify", "GET", "/comptes-rendus/verifier", EVERYONE),
    c("minutes.verify", "POST", "/comptes-rendus/verifier", EVERYONE, changes=False,
      files={"file": ("cr.md", b"# Compte rendu\n")}),
    # -- the assistant ---------------------------------------------------------------------
    c("assistant.page", "GET", "/assistant", EVERYONE),
    c("assistant.page", "POST", "/assistant", EVERYONE, data={"question": "Qu'est-ce qu'une SCIC ?"}),
    c("assistant.feedback", "POST", "/assistant/avis", EVERYONE,
      data={"token": "authz-question", "useful": "yes"}),
    c("assistant.api_ask", "POST", "/api/assistant/ask", EVERYONE,
      json={"question": "Qu'est-ce qu'une SCIC ?"}),
    c("assistant.api_feedback", "POST", "/api/assistant/feedback", EVERYONE,
      json={"token": "authz-question", "useful": True}),
    c("assistant.passage", "GET", "/assistant/guides/guide-scic.txt/0", EVERYONE),
    c("assistant.statistics", "GET", "/assistant/statistiques", ANY_FACILITATOR,
      note="the question log is anonymous and shared by every council's facilitators"),
    c("assistant.to_thread", "POST", "/assistant/statistiques/{question}/fil", A_FACILITATORS,
      data={"workshop_id": "{w_pub}"}),
    c("assistant.to_thread", "POST", "/assistant/statistiques/{question}/fil",
      {"other_facilitator", "site_admin"}, data={"workshop_id": "{b_w_pub}"},
      note="a facilitator of B takes a question to B's workshop, not A's"),
    c("assistant_guides.guides", "GET", "/assistant/guides", A_ADMINS),
    c("assistant_guides.guides", "POST", "/assistant/guides", A_ADMINS, changes=False,
      data={"title": "Sans fichier"}, note="no file: the form says so (nothing is indexed)"),
    c("assistant_guides.job_state", "GET", "/assistant/guides/etat.json", A_ADMINS),
    # -- councils --------------------------------------------------------------------------
    c("councils.create", "GET", "/conseils/nouveau", {"site_admin"}),
    c("councils.create", "POST", "/conseils/nouveau", {"site_admin"},
      data={"name": "Conseil nouveau", "territory": "Ailleurs", "is_public": "y",
            "quorum": "0.5", "max_proxies": "1"}),
    c("councils.view", "GET", S, EVERYONE),
    c("councils.view", "GET", "/conseils/{private_slug}", {"site_admin"}),
    c("councils.members", "GET", S + "/membres", EVERYONE),
    c("councils.members", "GET", "/conseils/{private_slug}/membres", {"site_admin"}),
    c("councils.admin", "GET", S + "/administration", A_ADMINS),
    c("councils.add_college", "POST", S + "/colleges", A_ADMINS,
      data={"college-name": "Partenaires", "college-weight": "1", "college-votes": "y"}),
    c("councils.add_member", "POST", S + "/membres", A_ADMINS,
      data={"member-email": "citizen@authz.example.org", "member-role": "member",
            "member-college": "{college}"}),
    c("councils.change_member", "POST", S + "/membres/{membership}", A_ADMINS,
      data={"member-role": "observer", "member-college": ""}),
    c("councils.accept", "GET", "/conseils/invitation/{token}", SIGNED_IN,
      note="the token is the invitation: anyone holding it may open it"),
    c("councils.accept", "POST", "/conseils/invitation/{token}", SIGNED_IN,
      special=ALREADY_MEMBERS),
    # -- sessions (plenaries) ----------------------------------------------------------------
    c("plenaries.index", "GET", PL, EVERYONE),
    c("plenaries.index", "GET", "/conseils/{private_slug}/seances", {"site_admin"}),
    c("plenaries.create", "GET", PL + "/nouvelle", A_FACILITATORS),
    c("plenaries.create", "POST", PL + "/nouvelle", A_FACILITATORS, data=PLENARY_FORM),
    c("plenaries.view", "GET", PL + "/{pl_open}", EVERYONE),
    c("plenaries.view", "GET", PL + "/{pl_draft}", A_FACILITATORS),
    c("plenaries.edit", "GET", PL + "/{pl_draft}/modifier", A_FACILITATORS),
    c("plenaries.edit", "POST", PL + "/{pl_conv}/modifier", A_FACILITATORS, data=PLENARY_FORM),
    c("plenaries.projection", "GET", PL + "/{pl_open}/projection", EVERYONE),
    c("plenaries.projection", "GET", PL + "/{pl_draft}/projection", A_FACILITATORS),
    c("plenaries.state_json", "GET", PL + "/{pl_open}/etat.json", EVERYONE),
    c("plenaries.state_json", "GET", PL + "/{pl_draft}/etat.json", A_FACILITATORS),
    c("plenaries.calendar", "GET", PL + "/{pl_conv}/seance.ics", EVERYONE),
    c("plenaries.calendar", "GET", PL + "/{pl_draft}/seance.ics", A_FACILITATORS),
    c("plenaries.convene", "POST", PL + "/{pl_draft}/convoquer", A_FACILITATORS),
    c("plenaries.open_", "POST", PL + "/{pl_conv}/ouvrir", A_FACILITATORS),
    c("plenaries.close", "POST", PL + "/{pl_open}/clore", A_FACILITATORS),
    c("plenaries.current_item", "POST", PL + "/{pl_open}/point-courant", A_FACILITATORS,
      data={"item": "{item_open2}"}),
    c("plenaries.current_item", "POST", PL + "/{pl_open}/point-courant", NOBODY, changes=False,
      data={"item": "{b_item_open}"}, special={r: 400 for r in A_FACILITATORS},
      note="an item of B cannot become A's current item"),
    c("plenary_agenda.edit", "GET", PL + "/{pl_draft}/ordre-du-jour", A_FACILITATORS),
    c("plenary_agenda.add", "POST", PL + "/{pl_draft}/ordre-du-jour", A_FACILITATORS,
      data={"item-title": "Point ajouté"}),
    c("plenary_agenda.edit_item", "GET", PL + "/{pl_draft}/ordre-du-jour/{item_draft}",
      A_FACILITATORS),
    c("plenary_agenda.edit_item", "POST", PL + "/{pl_draft}/ordre-du-jour/{item_draft}",
      A_FACILITATORS, data={"item-title": "Point renommé"}),
    c("plenary_agenda.move", "POST", PL + "/{pl_open}/ordre-du-jour/{item_open}/deplacer",
      A_FACILITATORS, data={"direction": "down"}),
    c("plenary_agenda.remove", "POST", PL + "/{pl_draft}/ordre-du-jour/{item_draft}/supprimer",
      A_FACILITATORS),
    c("plenary_attendance.register", "POST", PL + "/{pl_open}/presence", A_PARTICIPANTS,
      data={"att-status": "excused"}),
    c("plenary_attendance.register", "POST", PL + "/{pl_open}/presence", NOBODY,
      changes=False, data={"att-status": "present", "att-organisation": "{b_org_valid}"},
      special={r: 400 for r in A_PARTICIPANTS}, note="nobody speaks for B's organisation"),
    c("plenary_attendance.give_proxy", "POST", PL + "/{pl_conv}/procuration", A_VOTERS,
      data={"proxy-holder": "{extra_a}"}),
    c("plenary_attendance.give_proxy", "POST", PL + "/{pl_conv}/procuration", NOBODY,
      changes=False, data={"proxy-holder": "{extra_b}"}, special={r: 400 for r in A_VOTERS},
      note="a proxy never goes to a member of another council"),
    c("plenary_attendance.withdraw_proxy", "POST", PL + "/{pl_conv}/procuration/retirer",
      A_VOTERS, special={"facilitator": 409}, note="only the voter gave a proxy"),
    c("plenary_attendance.check_in_list", "GET", PL + "/{pl_open}/emargement", A_FACILITATORS),
    c("plenary_attendance.check_in", "POST", PL + "/{pl_open}/emargement", A_FACILITATORS,
      data={"user_id": "{extra_a}", "status": "present"}),
    c("plenary_attendance.check_in", "POST", PL + "/{pl_open}/emargement", NOBODY,
      changes=False, data={"user_id": "{extra_b}", "status": "present"},
      special={r: 400 for r in A_FACILITATORS}, note="B's members are not checked in to A"),
    # -- votes -------------------------------------------------------------------------------
    c("votes.plenary_ballots", "GET", PL + "/{pl_open}/scrutins", EVERYONE),
    c("votes.plenary_ballots", "GET", PL + "/{pl_draft}/scrutins", A_FACILITATORS),
    c("votes.create", "POST", PL + "/{pl_open}/scrutins", A_FACILITATORS,
      data={"item_id": "{item_open}", "question": "Nouvelle question ?",
            "method": "simple_majority"}),
    c("votes.create", "POST", PL + "/{pl_open}/scrutins", NOBODY, changes=False,
      data={"item_id": "{item_open}", "question": "Sur la proposition de B ?",
            "method": "simple_majority", "proposal_id": "{b_prop_sub}"}),
    c("votes.view", "GET", S + "/scrutins/{ballot_open}", EVERYONE),
    c("votes.view", "GET", S + "/scrutins/{ballot_closed}", EVERYONE),
    c("votes.vote", "POST", S + "/scrutins/{ballot_open}/voter", A_VOTERS,
      data={"choice": "pour"}),
    c("votes.vote", "POST", S + "/scrutins/{ballot_secret}/voter", A_VOTERS,
      data={"choice": "contre"}),
    c("votes.withdraw", "POST", S + "/scrutins/{ballot_open}/deport", A_MEMBERS,
      data={"reason": "Intérêt personnel"}),
    c("votes.open_", "POST", S + "/scrutins/{ballot_draft}/ouvrir", A_FACILITATORS),
    c("votes.close", "POST", S + "/scrutins/{ballot_open}/fermer", A_FACILITATORS),
    c("votes.reopen", "POST", S + "/scrutins/{ballot_closed}/rouvrir", A_FACILITATORS,
      data={"reason": "Incident de décompte"}),
    c("votes.paper", "POST", S + "/scrutins/{ballot_open}/papier", A_FACILITATORS,
      data={"paper|Élu·es|pour": "3"}),
    # -- proposals and the register -----------------------------------------------------------
    c("proposals.index", "GET", PR, EVERYONE),
    c("proposals.index", "GET", "/conseils/{private_slug}/propositions", {"site_admin"}),
    c("proposals.create", "GET", PR + "/nouvelle", A_PARTICIPANTS),
    c("proposals.create", "POST", PR + "/nouvelle", A_PARTICIPANTS,
      data={"title": "Nouvelle idée", "body": "Son texte."}),
    c("proposals.create", "POST", PR + "/nouvelle", NOBODY, changes=False,
      data={"title": "Avec B", "body": "Texte.", "coauthors": "{user_other_member}"},
      special={r: 200 for r in A_PARTICIPANTS}, note="a member of B is no co-author in A"),
    c("proposals.view", "GET", PR + "/{prop_sub}", EVERYONE),
    c("proposals.view", "GET", PR + "/{prop_draft}", EVERYONE,
      note="drafts are public with the council today (see the report)"),
    c("proposals.edit", "GET", PR + "/{prop_draft}/modifier", {"voter"} | A_FACILITATORS),
    c("proposals.edit", "POST", PR + "/{prop_draft}/modifier", {"voter"} | A_FACILITATORS,
      data={"title": "Brouillon revu", "body": "Texte revu."}),
    c("proposals.submit", "POST", PR + "/{prop_draft}/soumettre", {"voter"} | A_FACILITATORS),
    c("proposals.support", "POST", PR + "/{prop_sub}/soutenir", A_PARTICIPANTS),
    c("proposals.comment", "POST", PR + "/{prop_sub}/commenter", A_PARTICIPANTS,
      data={"body": "Un commentaire."}),
    c("proposals.amend", "POST", PR + "/{prop_sub}/amender", A_PARTICIPANTS,
      data={"new_body": "Un autre texte.", "reason": "Mieux."}),
    c("proposals.decide", "POST", PR + "/{prop_sub}/amendements/{amend}", A_FACILITATORS,
      data={"decision": "accept"}),
    c("proposals.agenda", "POST", PR + "/{prop_sub}/ordre-du-jour", A_FACILITATORS,
      data={"item_id": "{item_open}"}),
    c("proposals.agenda", "POST", PR + "/{prop_sub}/ordre-du-jour", NOBODY, changes=False,
      data={"item_id": "{b_item_open}"}, special={r: 302 for r in A_FACILITATORS},
      note="an item of B's session: refused by the core with a message"),
    c("register.index", "GET", S + "/registre", EVERYONE),
    c("register.export_atom", "GET", S + "/registre.atom", EVERYONE),
    c("register.export_csv", "GET", S + "/registre.csv", EVERYONE),
    c("register.export_json", "GET", S + "/registre.json", EVERYONE),
    c("register.view", "GET", S + "/registre/{orientation}", EVERYONE),
    c("register.follow_up", "POST", S + "/registre/{orientation}/suivi", A_FACILITATORS,
      data={"note": "Avancement.", "status": "in_progress"}),
    c("register.add_indicator", "POST", S + "/registre/{orientation}/indicateurs",
      A_FACILITATORS, data={"name": "Bénéficiaires", "unit": "personnes"}),
    c("register.add_value", "POST",
      S + "/registre/{orientation}/indicateurs/{indicator}/valeurs", A_FACILITATORS,
      data={"date": "2026-01-31", "value": "12"}),
    # -- minutes -------------------------------------------------------------------------------
    c("minutes.view", "GET", PL + "/{cr_draft}/compte-rendu", A_FACILITATORS),
    c("minutes.view", "GET", PL + "/{cr_submitted}/compte-rendu", A_READERS),
    c("minutes.view", "GET", PL + "/{cr_approved}/compte-rendu", EVERYONE),
    c("minutes.view", "GET", PL + "/{cr_locked}/compte-rendu", EVERYONE),
    c("minutes.submit", "POST", CR + "/soumettre", A_FACILITATORS,
      data={"comments_until": "2031-01-01T12:00"}),
    c("minutes.back_to_draft", "POST", PL + "/{cr_submitted}/compte-rendu/brouillon",
      A_FACILITATORS),
    c("minutes.approve", "POST", PL + "/{cr_submitted_over}/compte-rendu/approuver",
      A_FACILITATORS),
    c("minutes.approve", "POST", PL + "/{cr_submitted_over}/compte-rendu/approuver", NOBODY,
      changes=False, data={"ballot": "{b_ballot_closed}"},
      special={r: 302 for r in A_FACILITATORS}, note="B's vote cannot approve A's minutes"),
    c("minutes.lock", "POST", PL + "/{cr_approved}/compte-rendu/verrouiller", A_FACILITATORS),
    c("minutes.comment", "POST", PL + "/{cr_submitted}/compte-rendu/commentaires",
      A_PARTICIPANTS, data={"body": "Il manque mon intervention."}),
    c("minutes.download", "GET", PL + "/{cr_locked}/compte-rendu/telecharger/md", EVERYONE),
    c("minutes.download", "GET", CR + "/telecharger/md", A_FACILITATORS),
    c("minutes_actions.add", "POST", CR + "/actions", A_FACILITATORS,
      data={"description": "Écrire à la région", "responsible": "Fanny", "due": "2031-01-31"}),
    c("minutes_actions.remove", "POST", CR + "/actions/{action}/supprimer", A_FACILITATORS,
      idor_refusal=302, note="another minutes' action: « No such action. », nothing changes"),
    c("minutes_actions.next_session", "POST", CR + "/prochaine-seance", A_FACILITATORS,
      data={"next_session_at": "2031-05-01T18:00"}),
    c("minutes_notes.edit", "GET", CR + "/notes", A_FACILITATORS),
    c("minutes_notes.save", "POST", CR + "/notes/{cr_item_draft}", A_FACILITATORS,
      data={"body": "Notes revues."}),
    c("minutes_notes.autosave", "POST", CR + "/notes/{cr_item_draft}/autosave", A_FACILITATORS,
      json={"body": "Notes enregistrées seules."}),
    c("minutes_notes.revisions", "GET", CR + "/notes/{cr_item_draft}/revisions?a=1&b=2",
      A_FACILITATORS),
    c("minutes_data.attendance", "GET", PL + "/{pl_open}/feuille-emargement", A_FACILITATORS),
    c("minutes_data.attendance_csv", "GET", PL + "/{pl_open}/feuille-emargement.csv",
      A_FACILITATORS),
    c("minutes_data.open_data_index", "GET", S + "/donnees-ouvertes", EVERYONE),
    c("minutes_data.open_data_file", "GET", S + "/donnees-ouvertes/seances.csv", EVERYONE),
    c("minutes_data.open_data_file", "GET", S + "/donnees-ouvertes/votes.json", EVERYONE),
    c("minutes_data.report_current", "GET", S + "/bilan", EVERYONE),
    c("minutes_data.report", "GET", S + "/bilan/{year}", EVERYONE),
    c("minutes_data.report_download", "GET", S + "/bilan/{year}/telecharger/md", EVERYONE),
    # -- workshops -----------------------------------------------------------------------------
    c("workshops.index", "GET", S + "/ateliers", EVERYONE),
    c("workshops.index", "GET", "/conseils/{private_slug}/ateliers", {"site_admin"}),
    c("workshops.create", "GET", S + "/ateliers/nouveau", A_FACILITATORS),
    c("workshops.create", "POST", S + "/ateliers/nouveau", A_FACILITATORS,
      data={"title": "Nouvel atelier", "is_public": "y"}),
    c("workshops.view", "GET", WS, EVERYONE),
    c("workshops.view", "GET", WM, A_READERS),
    c("workshops.view", "POST", WS, A_WRITERS, data={"title": "Nouveau fil", "body": "Texte."}),
    c("workshops.view", "POST", WM, A_WRITERS, data={"title": "Fil interne", "body": "Texte."}),
    c("workshops.membership", "POST", WS + "/rejoindre", A_WRITERS,
      special={"facilitator": 409}, note="the facilitator is already a member"),
    c("workshops.membership", "POST", WS + "/quitter", {"facilitator"},
      special={r: 409 for r in SIGNED_IN - {"facilitator"}},
      note="only members leave; the others are told they are not members (409)"),
    c("workshops.invite", "POST", WS + "/inviter", A_FACILITATORS,
      data={"user_id": "{extra_a}"}),
    c("workshops.invite", "POST", WS + "/inviter", NOBODY, changes=False,
      data={"user_id": "{extra_b}"}, special={r: 400 for r in A_FACILITATORS},
      note="a member of B is not invited into A's workshop"),
    c("workshops.status", "POST", WS + "/statut", A_FACILITATORS, data={"status": "closed"}),
    c("workshops.thread", "GET", WS + "/fils/{t_pub}", EVERYONE),
    c("workshops.thread", "GET", WM + "/fils/{t_mem}", A_READERS),
    c("workshops.thread", "POST", WS + "/fils/{t_pub}", A_WRITERS, data={"body": "Réponse."}),
    c("workshops.thread", "POST", WS + "/fils/{t_pub}", NOBODY, changes=False,
      data={"body": "Réponse.", "reply_to": "{b_post_author}"},
      special={r: 422 for r in A_WRITERS}, note="no reply to a post of another thread"),
    c("workshops.thread", "POST", WM + "/fils/{t_mem}", A_WRITERS, data={"body": "Réponse."}),
    c("workshops.messages_json", "GET", WS + "/fils/{t_pub}/messages.json", EVERYONE),
    c("workshops.messages_json", "GET", WM + "/fils/{t_mem}/messages.json", A_READERS),
    c("workshops.lock", "POST", WS + "/fils/{t_pub}/verrou", A_FACILITATORS,
      data={"locked": "y"}),
    c("workshop_posts.permalink", "GET", WS + "/messages/{post_author}", EVERYONE),
    c("workshop_posts.permalink", "GET", WM + "/messages/{post_mem}", A_READERS),
    c("workshop_posts.history", "GET", WS + "/messages/{post_author}/historique", EVERYONE),
    c("workshop_posts.history", "GET", WM + "/messages/{post_mem}/historique", A_READERS),
    c("workshop_posts.edit", "GET", WS + "/messages/{post_author}/modifier", {"voter"}),
    c("workshop_posts.edit", "POST", WS + "/messages/{post_author}/modifier", {"voter"},
      data={"body": "Texte modifié."}),
    c("workshop_posts.report", "GET", WS + "/messages/{post_author}/signaler",
      SIGNED_IN - {"voter"}, note="anyone signed in who reads it, except its author"),
    c("workshop_posts.report", "POST", WS + "/messages/{post_author}/signaler",
      SIGNED_IN - {"voter"}, data={"reason": "Propos déplacés"}),
    c("workshop_posts.report", "GET", WM + "/messages/{post_mem}/signaler",
      A_READERS - {"voter"}),
    c("workshop_posts.delete", "POST", WS + "/messages/{post_author}/supprimer",
      {"voter"} | A_FACILITATORS),
    c("workshop_posts.moderate", "POST", WS + "/messages/{post_other}/moderer",
      A_FACILITATORS, data={"action": "hide", "reason": "Hors sujet"}),
    c("workshop_posts.queue", "GET", WS + "/moderation", A_FACILITATORS),
    # -- the directory of organisations --------------------------------------------------------
    c("organisations.directory", "GET", S + "/annuaire/", EVERYONE),
    c("organisations.directory", "GET", "/conseils/{private_slug}/annuaire/", {"site_admin"}),
    c("organisations.view", "GET", S + "/annuaire/{org_valid}", EVERYONE),
    c("organisations.view", "GET", S + "/annuaire/{org_pending}", A_FACILITATORS,
      note="a pending organisation: facilitators, its proposer and its representatives"),
    c("organisations.propose", "GET", S + "/annuaire/proposer", A_PARTICIPANTS | {"site_admin"}),
    c("organisations.propose", "POST", S + "/annuaire/proposer",
      A_PARTICIPANTS | {"site_admin"}, data=ORG),
    c("organisations.edit", "GET", S + "/annuaire/{org_valid}/modifier",
      {"voter"} | A_FACILITATORS, note="the voter represents this organisation"),
    c("organisations.edit", "POST", S + "/annuaire/{org_valid}/modifier",
      {"voter"} | A_FACILITATORS, data={**ORG, "name": "Coop A renommée"}),
    c("organisations.affiliate", "POST", S + "/annuaire/{org_valid}/membres",
      {"voter"} | A_FACILITATORS, data={"affiliation-email": "{extra_a_email}"}),
    c("organisations.affiliate", "POST", S + "/annuaire/{org_valid}/membres", NOBODY,
      changes=False, data={"affiliation-email": "{extra_b_email}"},
      special={r: 302 for r in {"voter"} | A_FACILITATORS},
      note="a member of B cannot join A's organisation (refused with a message)"),
    c("organisations.validate", "POST", S + "/annuaire/{org_pending}/valider", A_FACILITATORS),
    c("organisations.queue", "GET", S + "/annuaire/validation", A_FACILITATORS),
    c("organisations_data.export_csv", "GET", S + "/annuaire/annuaire.csv", EVERYONE),
    c("organisations_data.export_json", "GET", S + "/annuaire/annuaire.json", EVERYONE),
    c("organisations_data.diagnosis", "GET", S + "/annuaire/diagnostic", EVERYONE),
    c("organisations_data.import_file", "GET", S + "/annuaire/import", A_FACILITATORS),
    c("organisations_data.import_file", "POST", S + "/annuaire/import", A_FACILITATORS,
      files={"file": ("extrait.csv", CSV)}),
]

# ids that name an object of council A in URLs, and the id of the same kind of object that
# must never be reachable under them: B's (b_<key>), or another parent's within A
SAME_COUNCIL_SWAPS = {"t_pub": "t_mem", "t_mem": "t_pub", "post_author": "post_mem",
                      "post_other": "post_mem", "post_mem": "post_author",
                      "item_draft": "item_open", "item_open": "item_draft",
                      "cr_item_draft": "item_open", "amend": "amend_other"}


# the events a client may send on the live namespace; each is checked below
EVENTS = {"join": "joins a room if the room's check (webapp.sockets.ROOM_CHECKS) allows it",
          "leave": "leaves a room the connection is in; always answers ok"}


@dataclass(frozen=True)
class Room:
    room: str        # a template: kind:{key}
    allow: frozenset


def r(room, allow) -> Room:
    return Room(room, frozenset(allow))


B_READERS = {"other_member", "other_facilitator", "site_admin"}

ROOMS: list[Room] = [
    r("council:{council_id}", EVERYONE),
    r("council:{b_council_id}", EVERYONE),
    r("council:{private_id}", {"site_admin"}),
    r("plenary:{pl_open}", EVERYONE),
    r("plenary:{pl_draft}", A_FACILITATORS),
    r("plenary:{b_pl_open}", EVERYONE),
    r("plenary:{b_pl_draft}", {"other_facilitator", "site_admin"}),
    r("workshop:{w_pub}", EVERYONE),
    r("workshop:{w_mem}", A_READERS),
    r("workshop:{b_w_mem}", B_READERS),
    r("thread:{t_pub}", EVERYONE),
    r("thread:{t_mem}", A_READERS),
    r("thread:{b_t_mem}", B_READERS),
    r("plenary:999999", NOBODY),
    r("ballot:{ballot_open}", NOBODY),  # not a room kind
]

"""Writes Sources/Web/API/api/openapi.json — the JSON API's contract.

The document is committed; this script is how it is kept consistent (shared error responses,
the same path parameters everywhere). Run it after changing an endpoint, and the schemathesis
test in Tests/browser/test_api.py holds the running server to it.
"""
import json, os, pathlib

def ref(name): return {"$ref": f"#/components/schemas/{name}"}
S = lambda **kw: {"type": "string", **kw}
UUID = S(format="uuid")
DT = S(format="date-time")
def obj(props, required=()):
    o = {"type": "object", "properties": props, "additionalProperties": False}
    if required:  # OpenAPI 3.0 forbids an empty list
        o["required"] = list(required)
    return o
def arr(item): return {"type": "array", "items": item}

schemas = {
  "Problem": {"type": "object", "properties": {"type": S(), "title": S(), "status": {"type": "integer"}, "detail": S(), "instance": S(),
              "errors": {"type": "object", "additionalProperties": S()}}, "required": ["type", "title", "status", "detail"]},
  "DuplicateProblem": obj({"type": S(), "title": S(), "status": {"type": "integer"}, "detail": S(), "instance": S(),
              "duplicates": arr(obj({"clientId": UUID, "match": S(enum=["same_bsn", "same_name_birth_date_postcode"]), "inCareTeam": {"type": "boolean"}},
                                    ["clientId", "match", "inCareTeam"])), "allowNew": {"type": "boolean"}},
              ["type", "title", "status", "detail", "duplicates", "allowNew"]),
  "Me": obj({"id": UUID, "name": S(), "email": S(), "organisationId": UUID, "organisation": S(), "roles": arr(S())},
            ["id", "name", "email", "organisationId", "organisation", "roles"]),
  "ClientSummary": obj({"id": UUID, "name": S(), "dateOfBirth": S(format="date"), "wijkId": UUID, "receivedAt": DT, "firstContactAt": DT},
                       ["id", "name", "dateOfBirth"]),
  "Consent": obj({"purpose": S(enum=["verkennend_gesprek", "overdracht", "casuistiek_overname", "feedback"]), "organisationId": UUID},
                 ["purpose", "organisationId"]),
  "AanmeldingInput": obj({"name": S(maxLength=200), "dateOfBirth": S(description="yyyy-mm-dd or d-m-yyyy"), "bsn": S(), "postcode": S(),
                          "phone": S(), "email": S(), "helpQuestion": S(maxLength=4000), "urgency": S(enum=["regulier", "spoed"]),
                          "consents": arr(ref("Consent")),
                          "duplicateDecision": S(description="After a 409: 'existing:<clientId>' or 'new'")},
                         ["name", "dateOfBirth", "postcode", "helpQuestion", "consents"]),
  "AanmeldingCreated": obj({"clientId": UUID, "aanmeldingId": UUID}, ["clientId", "aanmeldingId"]),
  "Created": obj({"id": UUID}, ["id"]),
  "Aanmelding": obj({"id": UUID, "referrerUserId": UUID, "referrerOrganisationId": UUID, "helpQuestion": S(), "urgency": S(),
                     "receivedAt": DT, "completeAt": DT, "firstContactAt": DT, "closedAt": DT},
                    ["id", "referrerUserId", "referrerOrganisationId", "helpQuestion", "urgency", "receivedAt"]),
  "Contact": obj({"id": UUID, "aanmeldingId": UUID, "userId": UUID, "at": DT, "channel": S(), "reached": {"type": "boolean"}, "note": S()},
                 ["id", "aanmeldingId", "userId", "at", "channel", "reached", "note"]),
  "ConsentRecord": obj({"id": UUID, "purpose": S(), "organisationId": UUID, "givenAt": DT, "revokedAt": DT}, ["id", "purpose", "organisationId", "givenAt"]),
  "CareTeamMember": obj({"userId": UUID, "organisationId": UUID, "basis": S(), "addedAt": DT, "endedAt": DT}, ["userId", "organisationId", "basis", "addedAt"]),
  "Appointment": obj({"id": UUID, "aanmeldingId": UUID, "ggzUserId": UUID, "sociaalDomeinUserId": UUID, "plannedFor": DT, "end": DT,
                      "plannedAt": DT, "heldAt": DT, "cancelledAt": DT},
                     ["id", "aanmeldingId", "ggzUserId", "sociaalDomeinUserId", "plannedFor", "end", "plannedAt"]),
  "InstrumentResponse": obj({"instrumentUrl": S(), "instrumentVersion": S(), "answers": {"type": "object", "additionalProperties": {"type": "integer"}}},
                            ["instrumentUrl", "instrumentVersion", "answers"]),
  "Conversation": obj({"id": UUID, "appointmentId": UUID, "recordedAt": DT, "strengths": S(), "whatMatters": S(), "reformulatedQuestion": S(),
                       "peerExpertPresent": {"type": "boolean"}, "responses": arr(ref("InstrumentResponse"))},
                      ["id", "appointmentId", "recordedAt", "strengths", "whatMatters", "reformulatedQuestion", "peerExpertPresent", "responses"]),
  "Goal": obj({"id": UUID, "text": S()}, ["id", "text"]),
  "Action": obj({"id": UUID, "goalId": UUID, "route": S(), "organisationId": UUID, "teamId": UUID, "service": S(), "description": S(),
                 "ownerUserId": UUID, "due": S(format="date"), "status": S(enum=["open", "done", "cancelled"]), "handoverId": UUID},
                ["id", "route", "service", "description", "ownerUserId", "status"]),
  "Plan": obj({"id": UUID, "aanmeldingId": UUID, "createdAt": DT, "primaryRoute": S(), "adviceText": S(), "sharedWithClientAt": DT,
               "adviceToGpAt": DT, "goals": arr(ref("Goal")), "actions": arr(ref("Action"))},
              ["id", "aanmeldingId", "createdAt", "primaryRoute", "adviceText", "goals", "actions"]),
  "Handover": obj({"id": UUID, "clientId": UUID, "kind": S(enum=["referral", "terugverwijzing", "internal_referral"]), "route": S(),
                   "status": S(enum=["requested", "accepted", "rejected", "in-progress", "completed", "cancelled"]),
                   "fromOrganisationId": UUID, "toOrganisationId": UUID, "toTeamId": UUID, "request": S(), "letter": S(), "requestedAt": DT,
                   "acceptedAt": DT, "rejectedAt": DT, "rejectionReason": S(), "firstContactAt": DT, "intakeAt": DT, "treatmentStartAt": DT,
                   "completedAt": DT, "cancelledAt": DT, "cancelReason": S(), "overdue": {"type": "boolean"}},
                  ["id", "clientId", "kind", "route", "status", "fromOrganisationId", "toOrganisationId", "request", "requestedAt"]),
  "Client": obj({"id": UUID, "name": S(), "dateOfBirth": S(format="date"), "bsnMasked": S(), "postcode": S(), "wijkId": UUID, "phone": S(), "email": S(),
                 "aanmeldingen": arr(ref("Aanmelding")), "contacts": arr(ref("Contact")), "consents": arr(ref("ConsentRecord")),
                 "careTeam": arr(ref("CareTeamMember")), "appointments": arr(ref("Appointment")), "conversations": arr(ref("Conversation")),
                 "plans": arr(ref("Plan")), "handovers": arr(ref("Handover"))},
                ["id", "name", "dateOfBirth", "aanmeldingen", "contacts", "consents", "careTeam", "appointments", "conversations", "plans", "handovers"]),
  "AccessEntry": obj({"at": DT, "userId": UUID, "organisationId": UUID, "role": S(), "action": S(), "objectType": S(), "basis": S()},
                     ["at", "action", "objectType", "basis"]),
  "Planning": obj({"wijkId": UUID, "currentWaitDays": {"type": "integer", "description": "NZa: days to the third free duo slot"},
                   "slots": arr(obj({"start": DT, "end": DT, "ggzUserId": UUID, "sociaalDomeinUserId": UUID}, ["start", "end", "ggzUserId", "sociaalDomeinUserId"]))},
                  ["slots"]),
  "HandoverList": obj({"incoming": arr(obj({"handover": ref("Handover"), "clientName": S(), "clientAge": {"type": "integer"}}, ["handover", "clientName", "clientAge"])),
                       "outgoing": arr(obj({"handover": ref("Handover"), "clientName": S()}, ["handover", "clientName"]))}, ["incoming", "outgoing"]),
  "ContactInput": obj({"aanmeldingId": UUID, "channel": S(enum=["telefoon", "email", "brief", "persoonlijk"]), "reached": {"type": "boolean"}, "note": S(maxLength=2000)},
                      ["aanmeldingId", "channel", "reached"]),
  "AppointmentInput": obj({"aanmeldingId": UUID, "start": DT, "ggzUserId": UUID, "sociaalDomeinUserId": UUID}, ["aanmeldingId", "start", "ggzUserId", "sociaalDomeinUserId"]),
  "ConversationInput": obj({"appointmentId": UUID, "strengths": S(), "whatMatters": S(), "reformulatedQuestion": S(), "peerExpertPresent": {"type": "boolean"},
                            "responses": arr(obj({"instrumentUrl": S(), "answers": {"type": "object", "additionalProperties": {"type": "integer"}}}, ["instrumentUrl", "answers"]))},
                           ["appointmentId", "strengths", "whatMatters", "reformulatedQuestion", "responses"]),
  "PlanInput": obj({"primaryRoute": S(enum=["zelfhulp", "sociaal_domein", "huisartsenzorg", "basis_ggz", "specialistische_ggz", "steuncentrum", "casuistiektafel"]),
                    "adviceText": S()}, ["primaryRoute"]),
  "GoalInput": obj({"text": S()}, ["text"]),
  "ActionInput": obj({"goalId": UUID, "route": S(), "organisationId": UUID, "teamId": UUID, "service": S(), "description": S(), "ownerUserId": UUID,
                      "due": S(), "request": S(), "letter": S()}, ["route", "description", "ownerUserId"]),
  "HandoverEventInput": obj({"event": S(enum=["accept", "reject", "first-contact", "complete", "cancel"]), "reason": S()}, ["event"]),
  "ReasonInput": obj({"reason": S(maxLength=500)}, ["reason"]),
  "SharedInput": obj({"withClient": {"type": "boolean"}, "withGp": {"type": "boolean"}}),
  "StatusInput": obj({"status": S(enum=["open", "done", "cancelled"])}, ["status"]),
  "WindowInput": obj({"start": DT, "end": DT}, ["start", "end"]),
  "Window": obj({"id": UUID, "start": DT, "end": DT}, ["id", "start", "end"]),
  "MilestoneInput": obj({"milestone": S(enum=["intake", "treatment-start", "intake-report", "closing-report"])}, ["milestone"]),
}

# Samenwerkingsafspraken and client feedback (issue #7): what /afspraken and /feedback show.
NORM_KINDS = ["handover_response", "first_contact", "advice_letter", "intake_report", "closing_report", "case_advice", "back_referral_letter"]
ORG_TYPES = ["huisartsenpraktijk", "sociaal_wijkteam", "ggz_aanbieder", "steuncentrum", "gemeente", "zorgverzekeraar", "netwerkbureau"]
INT0 = {"type": "integer", "minimum": 0}
SHARE = {"type": "number", "minimum": 0, "maximum": 1}
MONTH = S(pattern="^[0-9]{4}-[0-9]{2}$")
LIMIT = {"type": "integer", "minimum": 1, "maximum": 90}
schemas.update({
  "AdherenceTotals": obj({"met": INT0, "missed": INT0, "open": INT0,
                          "share": {**SHARE, "description": "met / (met + missed); absent when nothing is decided"}}, ["met", "missed", "open"]),
  "AdherenceMonth": obj({"month": MONTH, "totals": ref("AdherenceTotals")}, ["month", "totals"]),
  "AgreementParty": {**obj({"organisationId": UUID, "organisationType": S(enum=ORG_TYPES)}),
                     "description": "One organisation, or every organisation of a type"},
  "NormVersion": obj({"limit": {**LIMIT, "description": "Days (working days when the norm's workingDays is true); absent for a norm without a term"},
                      "validFrom": S(format="date")}, ["validFrom"]),
  "AgreementNorm": obj({"kind": S(enum=NORM_KINDS), "workingDays": {"type": "boolean"}, "versions": arr(ref("NormVersion")),
                        "last12Months": ref("AdherenceTotals")}, ["kind", "workingDays", "versions", "last12Months"]),
  "Agreement": obj({"id": UUID, "title": S(), "parties": arr(ref("AgreementParty")), "effectiveFrom": S(format="date"), "endedOn": S(format="date"),
                    "norms": arr(ref("AgreementNorm"))}, ["id", "title", "parties", "effectiveFrom", "norms"]),
  "AgreementDetail": obj({"agreement": ref("Agreement"), "adherence": arr(obj({
      "kind": S(enum=NORM_KINDS), "byMonth": arr(ref("AdherenceMonth")),
      "byOrganisation": arr(obj({"organisationId": UUID, "totals": ref("AdherenceTotals"), "byMonth": arr(ref("AdherenceMonth"))},
                                ["organisationId", "totals", "byMonth"]))}, ["kind", "byMonth", "byOrganisation"]))}, ["agreement", "adherence"]),
  "AgreementTodo": obj({"kind": S(enum=NORM_KINDS), "agreementId": UUID, "agreementTitle": S(), "limit": {"type": "integer"}, "start": DT, "deadline": DT,
                        "overdue": {"type": "boolean"}, "handoverId": UUID, "caseId": UUID, "appointmentId": UUID, "clientId": UUID},
                       ["kind", "agreementId", "agreementTitle", "limit", "start", "deadline", "overdue"]),
  "AgreementInput": obj({"title": S(maxLength=200), "parties": arr(ref("AgreementParty")), "effectiveFrom": S(format="date"), "endedOn": S(format="date"),
                         "norms": arr(obj({"kind": S(enum=NORM_KINDS), "limit": LIMIT, "validFrom": S(format="date")}, ["kind"]))},
                        ["title", "parties", "effectiveFrom", "norms"]),
  "FeedbackFigures": obj({"minimumGroupSize": {"type": "integer"}, "months": {"type": "integer"}, "groups": arr(obj({
      "scope": S(enum=["own", "organisation", "region"]), "organisationId": UUID, "hiddenMonths": INT0,
      "months": arr(obj({"month": MONTH, "kind": S(enum=["vg", "follow_up"]), "invited": INT0, "answered": {"type": "integer", "minimum": 5},
                         "responseRate": SHARE, "meanRating": {"type": "number"}, "shareRatingAtLeast8": SHARE,
                         "itemMeans": {"type": "object", "additionalProperties": {"type": "number"}},
                         "helpQuestionAnswered": obj({"yes": SHARE, "partly": SHARE, "no": SHARE}, ["yes", "partly", "no"])},
                        ["month", "kind", "invited", "answered"]))}, ["scope", "months", "hiddenMonths"]))},
      ["minimumGroupSize", "months", "groups"]),
})

problem = {"description": "Problem (RFC 9457)", "content": {"application/problem+json": {"schema": ref("Problem")}}}
def ok(schema, code="200", desc="OK"):
    return {code: {"description": desc, "content": {"application/json": {"schema": schema}}}, "default": problem}
def body(name): return {"required": True, "content": {"application/json": {"schema": ref(name)}}}
def p(name): return {"name": name, "in": "path", "required": True, "schema": UUID}
no_content = {"204": {"description": "Done"}, "default": problem}

paths = {
  "/api/v1/me": {"get": {"operationId": "me", "summary": "Who the token acts as", "responses": ok(ref("Me"))}},
  "/api/v1/clients": {"get": {"operationId": "listClients", "summary": "Clients in my care teams", "responses": ok(arr(ref("ClientSummary")))}},
  "/api/v1/aanmeldingen": {"post": {"operationId": "register", "summary": "Register a citizen for a verkennend gesprek",
      "requestBody": body("AanmeldingInput"),
      "responses": {"201": {"description": "Registered", "content": {"application/json": {"schema": ref("AanmeldingCreated")}}},
                    "409": {"description": "Possible duplicate: choose with duplicateDecision",
                            "content": {"application/problem+json": {"schema": {"oneOf": [ref("DuplicateProblem"), ref("Problem")]}}}},
                    "default": problem}}},
  "/api/v1/clients/{id}": {"get": {"operationId": "getClient", "parameters": [p("id")], "responses": ok(ref("Client"))}},
  "/api/v1/clients/{id}/access-log": {"get": {"operationId": "accessLog", "summary": "Who accessed this record", "parameters": [p("id")],
      "responses": ok(arr(ref("AccessEntry")))}},
  "/api/v1/clients/{id}/contacts": {"post": {"operationId": "logContact", "parameters": [p("id")], "requestBody": body("ContactInput"),
      "responses": ok(ref("Created"), "201", "Recorded")}},
  "/api/v1/clients/{id}/consents": {"post": {"operationId": "recordConsent", "parameters": [p("id")], "requestBody": body("Consent"),
      "responses": ok(ref("Created"), "201", "Recorded")}},
  "/api/v1/clients/{id}/consents/{consentId}/revoke": {"post": {"operationId": "revokeConsent", "parameters": [p("id"), p("consentId")], "responses": no_content}},
  "/api/v1/clients/{id}/planning": {"get": {"operationId": "planning", "summary": "Earliest duo slots and the wijk's current wait", "parameters": [p("id")],
      "responses": ok(ref("Planning"))}},
  "/api/v1/clients/{id}/appointments": {"post": {"operationId": "book", "parameters": [p("id")], "requestBody": body("AppointmentInput"),
      "responses": ok(ref("Created"), "201", "Booked")}},
  "/api/v1/clients/{id}/appointments/{appointmentId}/held": {"post": {"operationId": "markHeld", "parameters": [p("id"), p("appointmentId")], "responses": no_content}},
  "/api/v1/clients/{id}/appointments/{appointmentId}/cancel": {"post": {"operationId": "cancelAppointment", "parameters": [p("id"), p("appointmentId")],
      "requestBody": body("ReasonInput"), "responses": no_content}},
  "/api/v1/clients/{id}/plans/{planId}/shared": {"post": {"operationId": "planShared", "summary": "Record that the plan went to the client and/or the advice to the GP",
      "parameters": [p("id"), p("planId")], "requestBody": body("SharedInput"), "responses": no_content}},
  "/api/v1/clients/{id}/plans/{planId}/actions/{actionId}/status": {"post": {"operationId": "actionStatus", "parameters": [p("id"), p("planId"), p("actionId")],
      "requestBody": body("StatusInput"), "responses": no_content}},
  "/api/v1/availability": {"get": {"operationId": "myAvailability", "summary": "My published availability from now on", "responses": ok(arr(ref("Window")))},
                           "post": {"operationId": "publishAvailability", "requestBody": body("WindowInput"), "responses": ok(ref("Created"), "201", "Published")}},
  "/api/v1/clients/{id}/conversations": {"post": {"operationId": "recordConversation", "parameters": [p("id")], "requestBody": body("ConversationInput"),
      "responses": ok(ref("Created"), "201", "Recorded")}},
  "/api/v1/clients/{id}/plans": {"post": {"operationId": "createPlan", "parameters": [p("id")], "requestBody": body("PlanInput"),
      "responses": ok(ref("Created"), "201", "Created")}},
  "/api/v1/clients/{id}/plans/{planId}/goals": {"post": {"operationId": "addGoal", "parameters": [p("id"), p("planId")], "requestBody": body("GoalInput"),
      "responses": ok(ref("Created"), "201", "Added")}},
  "/api/v1/clients/{id}/plans/{planId}/actions": {"post": {"operationId": "addAction", "summary": "Add an action; one for another organisation is sent as a handover",
      "parameters": [p("id"), p("planId")], "requestBody": body("ActionInput"), "responses": ok(ref("Created"), "201", "Added")}},
  "/api/v1/handovers": {"get": {"operationId": "handovers", "summary": "Incoming for my organisation, outgoing from it", "responses": ok(ref("HandoverList"))}},
  "/api/v1/handovers/{id}/events": {"post": {"operationId": "handoverEvent", "parameters": [p("id")], "requestBody": body("HandoverEventInput"), "responses": no_content}},
  "/api/v1/handovers/{id}/milestones": {"post": {"operationId": "handoverMilestone", "parameters": [p("id")], "requestBody": body("MilestoneInput"), "responses": no_content}},
  "/api/v1/agreements": {
      "get": {"operationId": "agreements", "summary": "The samenwerkingsafspraken, each norm with its versions and the last 12 months' adherence",
              "responses": ok(arr(ref("Agreement")))},
      "post": {"operationId": "createAgreement", "summary": "Record an agreement (the region's coordinator or administrator; others get 404)",
               "description": "Each norm becomes a version from its `validFrom` (default: `effectiveFrom`). Validated like the form: "
                              "422 names the field (`title`, `parties`, `effectiveFrom`, `endedOn`, `norms`).",
               "requestBody": body("AgreementInput"), "responses": ok(ref("Created"), "201", "Created")}},
  "/api/v1/agreements/todo": {"get": {"operationId": "agreementTodo",
      "summary": "My organisation's open items that are overdue or due within two working days",
      "description": "No client names: an item names the handover, casuïstiektafel case or conversation it is about, and a conversation's "
                     "client id only when you are in that client's care team; reading those goes through the usual access rules.",
      "responses": ok(arr(ref("AgreementTodo")))}},
  "/api/v1/agreements/{id}": {
      "get": {"operationId": "agreement", "summary": "One agreement, its adherence per month and per responsible organisation (last 12 months)",
              "parameters": [p("id")], "responses": ok(ref("AgreementDetail"))},
      "put": {"operationId": "updateAgreement", "summary": "Change an agreement (coordinator; others get 404)",
              "description": "Title, parties and dates are replaced. A norm whose `limit` differs from the version in force on its `validFrom` gets a "
                             "new version from that date; earlier periods keep the old norm. Norms not listed stay as they are.",
              "parameters": [p("id")], "requestBody": body("AgreementInput"), "responses": ok(ref("Agreement"))}},
  "/api/v1/feedback/figures": {"get": {"operationId": "feedbackFigures",
      "summary": "Client feedback per completed month: my own conversations, my organisation, the region",
      "description": "The figures of the page /feedback. A group's month is left out (counted in `hiddenMonths`) below 5 answers, or when the rest "
                     "of the larger group would be 1–4 answers. Never a single client's answer. For professionals in a care role and the "
                     "region's coordinator; others get 404.",
      "responses": ok(ref("FeedbackFigures"))}},
}
doc = {
  "openapi": "3.0.3",
  "info": {"title": "MGN API", "version": "1.0.0",
           "description": "The JSON API of MGN, the platform of a regional Mentaal Gezondheidsnetwerk. A token acts as its owner: the same roles, "
                          "care teams, consent checks and audit entries as in the browser. Clients outside your care team answer 404. "
                          "Errors are RFC 9457 problem documents; 422 lists field problems in `errors`."},
  "servers": [{"url": "/"}],
  "security": [{"bearerAuth": []}],
  "paths": paths,
  "components": {"schemas": schemas, "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer",
                 "description": "A personal API key from /account/api-sleutels"}}},
}
# OPENAPI_OUT: write elsewhere (the test suite checks the committed document is what this script makes).
out = pathlib.Path(os.environ.get("OPENAPI_OUT") or pathlib.Path(__file__).resolve().parents[1] / "Sources/Web/API/api/openapi.json")
out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
print(f"wrote {out}")

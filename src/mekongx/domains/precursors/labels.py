"""Labels of the area's coded values (msgids; translated where they are shown or exported)."""

from __future__ import annotations

from mekongx.i18n import N_

TABLES = {
    "I": N_("Table I (1988 Convention)"),
    "II": N_("Table II (1988 Convention)"),
    "national": N_("National list only"),
    "watch": N_("Not scheduled, watched in the region"),
    "analogue": N_("Possible analogue"),
    "": N_("No substance"),
}
LISTS = {
    "UN-I": N_("1988 Convention, Table I"),
    "UN-II": N_("1988 Convention, Table II"),
    "CN-1": N_("China, precursor category 1"),
    "CN-2": N_("China, precursor category 2"),
    "CN-3": N_("China, precursor category 3"),
    "TH-4": N_("Thailand, narcotics category 4"),
    "TH-2": N_("Thailand, narcotics category 2"),
    "TH-HAZ": N_("Thailand, hazardous substance (industrial works; unverified)"),
    "WATCH": N_("Regional watch list"),
}
MATCH_KINDS = {
    "cas": N_("CAS number"),
    "cas_salt": N_("CAS number of a salt"),
    "cas_repaired": N_("CAS number one digit off"),
    "name": N_("Substance name"),
    "abbreviation": N_("Abbreviation"),
    "fuzzy": N_("Similar spelling"),
    "hs_specific": N_("Specific HS subheading"),
    "analogue": N_("Possible analogue"),
    "class_rule": N_("Member of a class listed as a whole (and its esters)"),
    "hs_generic": N_("Generic HS code with vague description"),
}
BANDS = {
    "hold": N_("Hold and inspect"),
    "check": N_("Check the documents"),
    "note": N_("Note only"),
}
STATES = {
    "draft": N_("Draft"),
    "sent": N_("Sent"),
    "acknowledged": N_("Acknowledged"),
    "confirmed": N_("Confirmed legitimate"),
    "information_requested": N_("Information requested"),
    "objected": N_("Objected"),
    "expired": N_("Expired without answer"),
}
INCIDENT_KINDS = {
    "seizure": N_("Seizure"),
    "stopped_shipment": N_("Stopped shipment"),
    "suspicious_order": N_("Suspicious order"),
    "discrepancy": N_("Shipment differs from its notification"),
}
DIVERSION_METHODS = {
    "": N_("Not known"),
    "false_declaration": N_("False declaration of the goods"),
    "mislabelling": N_("Mislabelling"),
    "diversion_from_licit_trade": N_("Diversion from licit trade"),
    "smuggling": N_("Smuggling"),
    "theft": N_("Theft"),
    "forged_documents": N_("Forged documents or licences"),
    "front_company": N_("Front or shell company"),
    "other": N_("Other"),
}
# Methods of illicit manufacture (codes and sources in mekongx.chemistry data/formd.yaml)
MANUFACTURE_METHODS = {
    "": N_("Not known"),
    "meth_ephedrine_hi_red_p": N_(
        "Methamphetamine: ephedrine or pseudoephedrine reduced with hydriodic acid and red "
        "phosphorus (Nagai)"
    ),
    "meth_ephedrine_birch": N_(
        "Methamphetamine: ephedrine or pseudoephedrine reduced with a metal in ammonia (Birch)"
    ),
    "meth_ephedrine_emde": N_("Methamphetamine: ephedrine through chloroephedrine (Emde)"),
    "p2p_reductive_amination": N_("Methamphetamine or amphetamine: reductive amination of P-2-P"),
    "p2p_leuckart": N_("Methamphetamine or amphetamine: Leuckart reaction of P-2-P"),
    "p2np_nitrostyrene": N_("Amphetamine or methamphetamine: nitrostyrene route (P2NP)"),
    "mdma_pmk_reductive_amination": N_("MDMA: reductive amination of 3,4-MDP-2-P (PMK)"),
    "heroin_acetylation": N_("Heroin: morphine acetylated with acetic anhydride"),
    "ketamine_hydroxylimine": N_("Ketamine: rearrangement of hydroxylimine"),
    "ketamine_nitroketone": N_("Ketamine: from 2-(2-chlorophenyl)-2-nitrocyclohexanone"),
    "fentanyl_npp_anpp": N_("Fentanyl: from NPP and ANPP"),
    "fentanyl_4ap": N_("Fentanyl: from 4-AP, 1-boc-4-AP or norfentanyl"),
    "tableting": N_("Tableting with caffeine or other cutting agents"),
    "other": N_("Other method (see the description)"),
}
UNITS = {
    "kg": N_("kilograms"),
    "g": N_("grams"),
    "t": N_("tonnes"),
    "l": N_("litres"),
    "ml": N_("millilitres"),
}
TRANSPORT_MODES = {
    "": N_("Not known"),
    "sea": N_("Sea"),
    "road": N_("Road"),
    "rail": N_("Rail"),
    "air": N_("Air"),
    "post": N_("Post or courier"),
    "multimodal": N_("Several modes"),
}
LEGAL_BASES = {
    "": N_("Not recorded"),
    "art_12_10_a": N_("Art. 12(10)(a): Table I"),
    "art_12_10_a_table_ii": N_("Art. 12(10)(a): Table II, required by the importing government"),
    "voluntary": N_("Voluntary (substance not in the Tables)"),
}
DISCREPANCIES = {
    "substance": N_("Substance differs from the notification"),
    "quantity": N_("Quantity exceeds the notified quantity"),
    "route": N_("Port of entry differs from the notification"),
    "consignee": N_("Consignee differs from the notification"),
    "not_cleared": N_("Shipped before the importing agency confirmed"),
}

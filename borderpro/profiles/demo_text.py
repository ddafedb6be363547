"""Demo narratives: company-specific answers, as a validator wants them (who, where, how often, which record)."""

# ref → (status, narrative, evidence titles to link)
Answers = dict[str, tuple[str, str, list[str]]]

MAPLELEAF: Answers = {
    "PIP-CORP-01": (
        "implemented",
        "Every month the Safety & Compliance Manager (Alice Martin) samples 25 driver inspection sheets and the seal log of the Mississauga terminal and signs the checklist 'Monthly security verification' (form MLF-SEC-07). Findings go into the corrective-action tab of the same workbook with an owner and a date; the Vice-President Operations reviews the open items at the quarterly security committee.",
        [],
    ),
    "PIP-CORP-02": (
        "implemented",
        "Our supply chain risk assessment follows CBP's five-step method. It covers the three lanes we run (Mississauga-Detroit via the Ambassador Bridge, Mississauga-Buffalo via the Peace Bridge, Mississauga-Chicago via the Blue Water Bridge), both terminals and our 14 contracted owner-operators. It was last reviewed on 12 March by the security committee and is reviewed every year, or sooner after an incident, a new lane or a new site.",
        ["Supply chain risk assessment 2026"],
    ),
    "PIP-CORP-03": (
        "partial",
        "A business continuity plan exists for IT outages (dispatch moves to the Brampton yard office on the backup line; the TMS is hosted with nightly backups). The call tree for security incidents (CBSA, CBP, police, customers) is drafted but not yet tested; a tabletop exercise is planned for the autumn.",
        [],
    ),
    "PIP-CORP-04": (
        "implemented",
        "The statement of support was signed by our President, Jean-Paul Roy, and is posted in the Mississauga dispatch office, the drivers' lounge and the Brampton yard office. It names Alice Martin as the PIP / C-TPAT point of contact and is re-signed every year at the January management meeting.",
        ["Statement of support — signed by the President"],
    ),
    "PIP-CORP-05": (
        "implemented",
        "All drivers and yard staff are screened before hire: criminal record check, five-year employment history, CVOR abstract and FAST eligibility. Cross-border drivers must hold a valid FAST card; HR tracks card expiry dates in the driver file and re-checks abstracts every year.",
        [],
    ),
    "PIP-CORP-06": (
        "implemented",
        "New hires take the 2-hour 'Security awareness for cross-border drivers' module (seals, VVTT, 17-point inspection, reporting suspicious activity, internal conspiracy). Everyone repeats it every year in March; the roster with signatures is kept by HR.",
        ["Security awareness training roster — March"],
    ),
    "PIP-CORP-07": (
        "in_progress",
        "Passwords on the TMS and ELD portal are individual and changed every 90 days; former employees are disabled the day they leave (HR checklist step 4). Multi-factor authentication on email and the TMS is being rolled out by our IT provider, NorthByte, by the end of the quarter.",
        [],
    ),
    "PIP-CORP-08": (
        "implemented",
        "Evidence for each requirement is kept in Border Pro's evidence vault, named by requirement, and reviewed with our consultant before each profile update.",
        [],
    ),
    "PIP-CARGO-01": (
        "implemented",
        "We use TydenBrooks ISO 17712 class H bolt seals only. Seals are ordered by the Safety & Compliance Manager, stored in a locked cabinet in the dispatch office, and issued by dispatch against the seal log (seal number, trailer, driver, time). Drivers apply the VVTT check (View, Verify, Tug, Twist) at pick-up and at every stop.",
        [
            "Seal storage cabinet — Mississauga yard",
            "ISO 17712 class H seal certificate — TydenBrooks",
        ],
    ),
    "PIP-CARGO-02": (
        "implemented",
        "Drivers do a 17-point inspection of tractor and trailer before every border crossing and after any stop longer than 30 minutes, on the ELD tablet. The form includes photos of the rear doors and the seal; a failed point blocks dispatch until the yard supervisor (Bob Singh) clears it.",
        [],
    ),
    "PIP-CARGO-03": (
        "implemented",
        "Bills of lading and ACI eManifests are prepared by dispatch from the shipper's documents; the driver checks piece count and seal number at pick-up and reports any shortage or overage to dispatch before leaving. Discrepancies are logged and investigated by the Safety & Compliance Manager.",
        [],
    ),
    "PIP-CARGO-04": (
        "implemented",
        "In-bond movements are always sealed with a high-security seal recorded on the eManifest; the seal number is verified at destination by the receiver and the driver together.",
        [],
    ),
    "PIP-PHYS-01": (
        "implemented",
        "Both yards are gated. Drivers and visitors sign in at the Mississauga gatehouse (visitor log with photo ID); employees use badges. Unknown people in the yard are challenged by staff and reported to the yard supervisor.",
        [],
    ),
    "PIP-PHYS-02": (
        "implemented",
        "The Mississauga terminal has a 2.4 m chain-link perimeter fence with barbed wire, inspected weekly by the yard supervisor (fence inspection log). Trailers are parked away from the fence line.",
        [],
    ),
    "PIP-PHYS-03": (
        "partial",
        "Keys to tractors and the seal cabinet are kept in a locked key box in dispatch with a sign-out sheet. A key audit has not yet been done this year.",
        [],
    ),
    "PIP-PHYS-04": (
        "implemented",
        "LED flood lighting covers the gate, the loading doors and the trailer parking area from dusk to dawn; the yard supervisor checks it weekly and logs repairs.",
        [],
    ),
    "PIP-PHYS-05": (
        "implemented",
        "Drivers report security incidents to dispatch by phone 24/7 (dispatch number on every ELD tablet). Dispatch escalates to the Safety & Compliance Manager, who reports to CBSA and CBP as required.",
        [],
    ),
    "PIP-PHYS-06": (
        "implemented",
        "Employees and visitors park outside the fenced trailer area; only company tractors enter the yard.",
        [],
    ),
    "PIP-PART-01": (
        "in_progress",
        "We are sending a security questionnaire to our 14 owner-operators and 3 partner carriers; 9 have answered. Owner-operators must hold FAST cards and follow our seal and inspection procedures (clause 12 of the lease agreement).",
        [],
    ),
    "PIP-MEM-01": (
        "implemented",
        "Alice Martin signs in to the Trusted Trader Portal at least once a year (calendar reminder every January).",
        [],
    ),
    "PIP-MEM-08": (
        "implemented",
        "Maple Leaf Freightways is registered in the CARM Client Portal; the business account is managed by our customs broker under delegated authority.",
        [],
    ),
}

MAPLELEAF_CTPAT: Answers = {
    "CTPAT-HC-1.2": (
        "implemented",
        "Our security committee (operations, dispatch, HR, IT, safety) meets every quarter; minutes are kept in the shared drive and list the actions decided.",
        [],
    ),
    "CTPAT-HC-5.1": (
        "implemented",
        "Tractors and trailers are parked inside the fenced Mississauga yard when not in use; trailers are locked and sealed when loaded.",
        [],
    ),
}

LAURENTID: Answers = {
    "PIP-CORP-02": (
        "implemented",
        "Notre évaluation des risques de la chaîne d'approvisionnement couvre nos deux trajets principaux (Laval-Lacolle-Plattsburgh et Laval-Stanstead-Derby Line) et notre cour de Laval. Elle a été revue en mars par le comité de sécurité et l'est chaque année, ou plus tôt après un incident ou l'ajout d'un trajet.",
        [],
    ),
    "PIP-CORP-04": (
        "implemented",
        "La déclaration d'appui a été signée par la présidente, Chantal Tremblay, et est affichée au bureau de répartition et dans la salle des chauffeurs à Laval.",
        ["Énoncé de soutien — signé par la présidente"],
    ),
    "PIP-CORP-05": (
        "implemented",
        "Tous les chauffeurs font l'objet d'une vérification avant l'embauche : casier judiciaire, antécédents d'emploi sur cinq ans et dossier NIR. Les chauffeurs transfrontaliers doivent détenir une carte EXPRES valide.",
        [],
    ),
    "PIP-CORP-06": (
        "in_progress",
        "La formation de sensibilisation à la sécurité (scellés, inspection en 17 points, signalement) est en cours de traduction; la première séance est prévue en novembre.",
        [],
    ),
    "PIP-CARGO-01": (
        "implemented",
        "Nous utilisons uniquement des scellés de haute sécurité ISO 17712. Les scellés sont rangés sous clé au bureau de répartition et inscrits au registre des scellés (numéro, remorque, chauffeur, heure).",
        ["Registre des scellés — septembre"],
    ),
    "PIP-CARGO-02": (
        "partial",
        "Les chauffeurs inspectent le tracteur et la remorque avant chaque passage à la frontière; la fiche papier sera remplacée par la tablette d'ici la fin de l'année.",
        [],
    ),
    "PIP-PHYS-02": (
        "implemented",
        "La cour de Laval est entourée d'une clôture de 2,4 m, inspectée chaque semaine par le répartiteur de soir.",
        ["Photo du stationnement clôturé — Laval"],
    ),
    "PIP-PHYS-04": (
        "implemented",
        "Des projecteurs DEL éclairent la barrière, les portes de chargement et le stationnement des remorques du crépuscule à l'aube.",
        [],
    ),
    "PIP-MEM-08": (
        "implemented",
        "Transports Laurentides est inscrite au portail client de la GCRA.",
        [],
    ),
}

PRAIRIEX: Answers = {
    "PIP-CORP-04": (
        "in_progress",
        "Priya Desai (owner) will sign the statement of support once the consultant's draft is reviewed.",
        [],
    ),
    "PIP-CORP-05": (
        "partial",
        "All six cross-border drivers hold FAST cards; background checks for yard staff are not yet documented.",
        ["Driver FAST card list"],
    ),
}

"""Reviewed Spanish and French translations of SSE Ref's interface strings (msgid → (es, fr)).

Terminology follows UN usage: SSE = ESS (economía social y solidaria) = ÉSS (économie sociale et
solidaire); South-South cooperation = Cooperación Sur-Sur = coopération Sud-Sud; a record is a
"registro" in Spanish and a "fiche" in French; a fact sheet is a "ficha informativa" and a
"fiche d'information"; a meeting pack is a "dosier de reunión" and a "dossier de réunion".
Used by scripts/fill_catalogs.py; the .po files remain the source of truth.
"""

from __future__ import annotations

TRANSLATIONS: dict[str, tuple[str, str]] = {
    # --- menus and actions -------------------------------------------------------------------
    "&About SSE Ref": ("&Acerca de SSE Ref", "À &propos de SSE Ref"),
    "&Actual size": ("&Tamaño real", "&Taille réelle"),
    "&Add to meeting pack": ("&Añadir al dosier de reunión", "&Ajouter au dossier de réunion"),
    "&Back": ("&Atrás", "&Précédent"),
    "&Documents": ("&Documentos", "&Documents"),
    "&Edit": ("&Edición", "&Édition"),
    "&Export PDF…": ("&Exportar PDF…", "&Exporter en PDF…"),
    "&File": ("&Archivo", "&Fichier"),
    "&Filter the list": ("&Filtrar la lista", "&Filtrer la liste"),
    "&Forward": ("A&delante", "&Suivant"),
    "&Glossary": ("&Glosario", "&Glossaire"),
    "&Go": ("&Ir", "A&ller"),
    "&Help": ("Ay&uda", "Ai&de"),
    "&History": ("&Historia", "&Histoire"),
    "&Initiatives": ("&Iniciativas", "&Initiatives"),
    "&Language": ("&Idioma", "&Langue"),
    "&Large text (for projectors)": (
        "Texto &grande (para proyectores)",
        "&Grand texte (pour projecteurs)",
    ),
    "&Meeting pack…": ("&Dosier de reunión…", "&Dossier de réunion…"),
    "&Organizations": ("&Organizaciones", "&Organisations"),
    "&Print…": ("Im&primir…", "Im&primer…"),
    "&Quit": ("&Salir", "&Quitter"),
    "Quit": ("Salir", "Quitter"),
    "&Search…": ("&Buscar…", "&Rechercher…"),
    "&Theme": ("&Tema", "&Thème"),
    "&View": ("&Ver", "&Affichage"),
    "Print pre&view…": ("&Vista previa de impresión…", "&Aperçu avant impression…"),
    "Copy &citation": ("Copiar &cita", "Copier la &citation"),
    "Zoom &in": ("&Ampliar", "Zoom &avant"),
    "Zoom &out": ("&Reducir", "Zoom a&rrière"),
    "System theme": ("Tema del sistema", "Thème du système"),
    "Light": ("Claro", "Clair"),
    "Dark": ("Oscuro", "Sombre"),
    "System default": ("Predeterminado del sistema", "Langue du système"),
    "Main toolbar": ("Barra de herramientas principal", "Barre d'outils principale"),
    "Sections": ("Secciones", "Sections"),
    "Search everything": ("Buscar en todo", "Rechercher partout"),
    "Search everything (Ctrl+K)…": ("Buscar en todo (Ctrl+K)…", "Rechercher partout (Ctrl+K)…"),
    "SSE Ref — Social and Solidarity Economy reference": (
        "SSE Ref — Referencia sobre la economía social y solidaria",
        "SSE Ref — Référence sur l'économie sociale et solidaire",
    ),
    "Data {version} · as of {date}": (
        "Datos {version} · al {date}",
        "Données {version} · au {date}",
    ),
    "Large text on": ("Texto grande activado", "Grand texte activé"),
    "Large text off": ("Texto grande desactivado", "Grand texte désactivé"),
    "Zoom {percent}%": ("Zoom {percent} %", "Zoom {percent} %"),
    "About SSE Ref": ("Acerca de SSE Ref", "À propos de SSE Ref"),
    "Help": ("Ayuda", "Aide"),
    "Ready": ("Listo", "Prêt"),
    "Record page": ("Página del registro", "Page de la fiche"),
    "Language: {language}": ("Idioma: {language}", "Langue : {language}"),
    "Interface language: {language}": (
        "Idioma de la interfaz: {language}",
        "Langue de l'interface : {language}",
    ),
    # --- panels, columns, filters --------------------------------------------------------------
    "Organizations": ("Organizaciones", "Organisations"),
    "History": ("Historia", "Histoire"),
    "Documents": ("Documentos", "Documents"),
    "Initiatives": ("Iniciativas", "Initiatives"),
    "Glossary": ("Glosario", "Glossaire"),
    "Events": ("Acontecimientos", "Événements"),
    "Name": ("Nombre", "Nom"),
    "Acronym": ("Sigla", "Sigle"),
    "Type": ("Tipo", "Type"),
    "Region": ("Región", "Région"),
    "Founded": ("Fundación", "Création"),
    "UNTFSSE role": ("Función en el UNTFSSE", "Rôle au sein de l'UNTFSSE"),
    "Date": ("Fecha", "Date"),
    "Event": ("Acontecimiento", "Événement"),
    "Place": ("Lugar", "Lieu"),
    "Title": ("Título", "Titre"),
    "Symbol": ("Signatura", "Cote"),
    "Definition": ("Definición", "Définition"),
    "Theme": ("Tema", "Thème"),
    "Themes": ("Temas", "Thèmes"),
    "Organization type": ("Tipo de organización", "Type d'organisation"),
    "Document type": ("Tipo de documento", "Type de document"),
    "Initiative type": ("Tipo de iniciativa", "Type d'initiative"),
    "Document language": ("Idioma del documento", "Langue du document"),
    "Issuing body": ("Órgano emisor", "Organe émetteur"),
    "All issuing bodies": ("Todos los órganos emisores", "Tous les organes émetteurs"),
    "All languages": ("Todos los idiomas", "Toutes les langues"),
    "All organizations": ("Todas las organizaciones", "Toutes les organisations"),
    "All regions": ("Todas las regiones", "Toutes les régions"),
    "All themes": ("Todos los temas", "Tous les thèmes"),
    "All types": ("Todos los tipos", "Tous les types"),
    "Any UNTFSSE role": ("Cualquier función en el UNTFSSE", "Tout rôle au sein de l'UNTFSSE"),
    "Member": ("Miembro", "Membre"),
    "Observer": ("Observador", "Observateur"),
    "Member or observer": ("Miembro u observador", "Membre ou observateur"),
    "Neither": ("Ninguna", "Aucun"),
    "Organization": ("Organización", "Organisation"),
    "Filter by name, acronym or symbol…": (
        "Filtrar por nombre, sigla o signatura…",
        "Filtrer par nom, sigle ou cote…",
    ),
    "Filter {panel}": ("Filtrar {panel}", "Filtrer : {panel}"),
    "Years": ("Años", "Années"),
    "From year": ("Desde el año", "De l'année"),
    "To year": ("Hasta el año", "À l'année"),
    "Timeline": ("Cronología", "Frise"),
    "List": ("Lista", "Liste"),
    "Show as {mode}": ("Mostrar como {mode}", "Afficher en {mode}"),
    "Zoom in on the timeline": ("Ampliar la cronología", "Zoom avant sur la frise"),
    "Zoom out of the timeline": ("Reducir la cronología", "Zoom arrière sur la frise"),
    "Timeline of events": ("Cronología de los acontecimientos", "Frise des événements"),
    "Click an event to open it; arrows move, Enter opens, Ctrl+wheel zooms": (
        "Haga clic en un acontecimiento para abrirlo; las flechas desplazan, Intro abre, "
        "Ctrl+rueda amplía",
        "Cliquez sur un événement pour l'ouvrir ; les flèches déplacent, Entrée ouvre, "
        "Ctrl+molette zoome",
    ),
    "SSE": ("ESS", "ÉSS"),
    "South-South": ("Sur-Sur", "Sud-Sud"),
    "Both": ("Ambas", "Les deux"),
    "Other": ("Otro", "Autre"),
    "● day  ▬ month or range  ┅ year only": (
        "● día  ▬ mes o intervalo  ┅ año",
        "● jour  ▬ mois ou période  ┅ année",
    ),
    "{decade}s": ("{decade}", "{decade}"),  # axis labels: "años 1970" does not fit a band
    "Clear": ("Vaciar", "Vider"),
    "Remove": ("Quitar", "Retirer"),
    "Move up": ("Subir", "Monter"),
    "Move down": ("Bajar", "Descendre"),
    # --- record page -------------------------------------------------------------------------
    "Choose a record in a list, or search with Ctrl+K.": (
        "Elija un registro en una lista o busque con Ctrl+K.",
        "Choisissez une fiche dans une liste ou lancez une recherche avec Ctrl+K.",
    ),
    "No record has the id '{id}'.": (
        "Ningún registro tiene el identificador «{id}».",
        "Aucune fiche n'a l'identifiant « {id} ».",
    ),
    "Copied: {text}": ("Copiado: {text}", "Copié : {text}"),
    "Open in browser": ("Abrir en el navegador", "Ouvrir dans le navigateur"),
    "Open this address in your web browser? This needs a network connection.\n\n{address}": (
        "¿Abrir esta dirección en su navegador web? Se necesita una conexión de red.\n\n{address}",
        "Ouvrir cette adresse dans votre navigateur web ? Une connexion réseau est "
        "nécessaire.\n\n{address}",
    ),
    "Also": ("También", "Aussi"),
    "Headquarters": ("Sede", "Siège"),
    "Publisher": ("Editorial", "Éditeur"),
    "Languages": ("Idiomas", "Langues"),
    "Website": ("Sitio web", "Site web"),
    "Address": ("Dirección", "Adresse"),
    "copy": ("copiar", "copier"),
    "open in browser": ("abrir en el navegador", "ouvrir dans le navigateur"),
    "Related records": ("Registros relacionados", "Fiches liées"),
    "Timeline of related events": (
        "Cronología de los acontecimientos relacionados",
        "Frise des événements liés",
    ),
    "Sources": ("Fuentes", "Sources"),
    "Sources:": ("Fuentes:", "Sources :"),
    "since {year}": ("desde {year}", "depuis {year}"),
    "since {date}": ("desde {date}", "depuis {date}"),
    "until {date}": ("hasta {date}", "jusqu'au {date}"),
    "(checked {date})": ("(consultado el {date})", "(consulté le {date})"),
    "{id} (no longer in the data)": (
        "{id} (ya no figura en los datos)",
        "{id} (ne figure plus dans les données)",
    ),
    "Summary available in {language} only.": (
        "Resumen disponible solo en {language}.",
        "Résumé disponible uniquement en {language}.",
    ),
    "Name not available in {language}; shown in {shown}.": (
        "Nombre no disponible en {language}; se muestra en {shown}.",
        "Nom non disponible en {language} ; affiché en {shown}.",
    ),
    "Summary not available in {language}; shown in {shown}.": (
        "Resumen no disponible en {language}; se muestra en {shown}.",
        "Résumé non disponible en {language} ; affiché en {shown}.",
    ),
    "In other languages": ("En otros idiomas", "Dans d'autres langues"),
    "Show in other languages": ("Mostrar en otros idiomas", "Afficher dans d'autres langues"),
    "Hide other languages": ("Ocultar los otros idiomas", "Masquer les autres langues"),
    "No other language is available for this record.": (
        "Este registro no está disponible en otros idiomas.",
        "Cette fiche n'existe dans aucune autre langue.",
    ),
    "in English": ("en inglés", "en anglais"),
    "Names": ("Nombres", "Noms"),
    "Summary": ("Resumen", "Résumé"),
    # --- vocabularies: kinds -------------------------------------------------------------------
    "Document": ("Documento", "Document"),
    "Initiative": ("Iniciativa", "Initiative"),
    "Glossary term": ("Término del glosario", "Terme du glossaire"),
    # --- organization types --------------------------------------------------------------------
    "Development bank": ("Banco de desarrollo", "Banque de développement"),
    "Federation": ("Federación", "Fédération"),
    "Foundation": ("Fundación", "Fondation"),
    "Government institution": ("Institución gubernamental", "Institution gouvernementale"),
    "Intergovernmental group": ("Grupo intergubernamental", "Groupe intergouvernemental"),
    "Intergovernmental organization": (
        "Organización intergubernamental",
        "Organisation intergouvernementale",
    ),
    "Network": ("Red", "Réseau"),
    "Non-governmental organization": (
        "Organización no gubernamental",
        "Organisation non gouvernementale",
    ),
    "Research or training centre": (
        "Centro de investigación o formación",
        "Centre de recherche ou de formation",
    ),
    "UN entity": ("Entidad de las Naciones Unidas", "Entité des Nations Unies"),
    "UN fund": ("Fondo de las Naciones Unidas", "Fonds des Nations Unies"),
    "UN inter-agency body": (
        "Órgano interinstitucional de las Naciones Unidas",
        "Organe interinstitutions des Nations Unies",
    ),
    "UN intergovernmental body": (
        "Órgano intergubernamental de las Naciones Unidas",
        "Organe intergouvernemental des Nations Unies",
    ),
    "UN regional commission": (
        "Comisión regional de las Naciones Unidas",
        "Commission régionale des Nations Unies",
    ),
    "Platform": ("Plataforma", "Plateforme"),
    "Fund": ("Fondo", "Fonds"),
    "Membership": ("Afiliación", "Adhésion"),
    "Secretariat": ("Secretaría", "Secrétariat"),
    # --- event types ---------------------------------------------------------------------------
    "Conference": ("Conferencia", "Conférence"),
    "Summit": ("Cumbre", "Sommet"),
    "Seminar": ("Seminario", "Séminaire"),
    "Session": ("Período de sesiones", "Session"),
    "Founding": ("Creación", "Création"),
    "Renaming": ("Cambio de nombre", "Changement de nom"),
    "Milestone": ("Hito", "Étape clé"),
    "Launch": ("Lanzamiento", "Lancement"),
    "International day": ("Día internacional", "Journée internationale"),
    "Decision": ("Decisión", "Décision"),
    "Resolution": ("Resolución", "Résolution"),
    # --- document types ------------------------------------------------------------------------
    "Declaration": ("Declaración", "Déclaration"),
    "Recommendation": ("Recomendación", "Recommandation"),
    "Report": ("Informe", "Rapport"),
    "Briefing note": ("Nota informativa", "Note d'information"),
    "Seminar report": ("Informe de seminario", "Rapport de séminaire"),
    "Call for contributions": ("Convocatoria de contribuciones", "Appel à contributions"),
    "Web page": ("Página web", "Page web"),
    "Guidelines": ("Directrices", "Lignes directrices"),
    "Action plan": ("Plan de acción", "Plan d'action"),
    "Plan of action": ("Plan de acción", "Plan d'action"),
    "Strategy": ("Estrategia", "Stratégie"),
    "Position paper": ("Documento de posición", "Document de position"),
    "Law": ("Ley", "Loi"),
    "Outcome document": ("Documento final", "Document final"),
    # --- initiative types ----------------------------------------------------------------------
    "Programme": ("Programa", "Programme"),
    "Working group": ("Grupo de trabajo", "Groupe de travail"),
    "Good practice": ("Buena práctica", "Bonne pratique"),
    "Project": ("Proyecto", "Projet"),
    "Event series": ("Serie de acontecimientos", "Série d'événements"),
    "Training": ("Formación", "Formation"),
    # --- regions -------------------------------------------------------------------------------
    "Africa": ("África", "Afrique"),
    "Americas": ("Américas", "Amériques"),
    "Arab States": ("Estados Árabes", "États arabes"),
    "Asia and the Pacific": ("Asia y el Pacífico", "Asie et Pacifique"),
    "Europe": ("Europa", "Europe"),
    "Global": ("Mundial", "Mondial"),
    "Ibero-America": ("Iberoamérica", "Ibéro-Amérique"),
    "Latin America and the Caribbean": (
        "América Latina y el Caribe",
        "Amérique latine et Caraïbes",
    ),
    "Mediterranean": ("Mediterráneo", "Méditerranée"),
    "North America": ("América del Norte", "Amérique du Nord"),
    # --- themes --------------------------------------------------------------------------------
    "Social and solidarity economy": (
        "Economía social y solidaria",
        "Économie sociale et solidaire",
    ),
    "South-South and triangular cooperation": (
        "Cooperación Sur-Sur y triangular",
        "Coopération Sud-Sud et triangulaire",
    ),
    "Decent work": ("Trabajo decente", "Travail décent"),
    "Development": ("Desarrollo", "Développement"),
    "Environment": ("Medio ambiente", "Environnement"),
    "Finance": ("Finanzas", "Finance"),
    "Governance": ("Gobernanza", "Gouvernance"),
    "Information and communication technologies": (
        "Tecnologías de la información y las comunicaciones",
        "Technologies de l'information et de la communication",
    ),
    "Local development": ("Desarrollo local", "Développement local"),
    "Statistics": ("Estadísticas", "Statistiques"),
    "Trade": ("Comercio", "Commerce"),
    # --- languages -----------------------------------------------------------------------------
    "English": ("inglés", "anglais"),
    "Spanish": ("español", "espagnol"),
    "French": ("francés", "français"),
    "Portuguese": ("portugués", "portugais"),
    "Arabic": ("árabe", "arabe"),
    "Chinese": ("chino", "chinois"),
    "Russian": ("ruso", "russe"),
    # --- relations -----------------------------------------------------------------------------
    "Member of": ("Miembro de", "Membre de"),
    "Members": ("Miembros", "Membres"),
    "Observer of": ("Observador en", "Observateur auprès de"),
    "Observers": ("Observadores", "Observateurs"),
    "Hosted by": ("Acogido por", "Hébergé par"),
    "Hosts": ("Acoge a", "Héberge"),
    "Manages": ("Gestiona", "Gère"),
    "Managed by": ("Gestionado por", "Géré par"),
    "Secretariat of": ("Secretaría de", "Secrétariat de"),
    "Part of": ("Forma parte de", "Fait partie de"),
    "Parts": ("Componentes", "Composantes"),
    "Issued": ("Publicó", "A publié"),
    "Issued by": ("Publicado por", "Publié par"),
    "Adopted": ("Aprobó", "A adopté"),
    "Adopted by": ("Aprobado por", "Adopté par"),
    "Endorsed": ("Respaldó", "A approuvé"),
    "Endorsed by": ("Respaldado por", "Approuvé par"),
    "Led to": ("Dio lugar a", "A conduit à"),
    "Resulted from": ("Resultado de", "Issu de"),
    "About": ("Trata sobre", "Porte sur"),
    "Subject of": ("Tratado en", "Sujet de"),
    "Participated in": ("Participó en", "A participé à"),
    "Participants": ("Participantes", "Participants"),
    "Organized": ("Organizó", "A organisé"),
    "Organized by": ("Organizado por", "Organisé par"),
    "Partner of": ("Socio de", "Partenaire de"),
    "Partners": ("Socios", "Partenaires"),
    "Funded by": ("Financiado por", "Financé par"),
    "Funds": ("Financia", "Finance"),
    "Succeeded by": ("Sucedido por", "Remplacé par"),
    "Succeeded": ("Sucedió a", "A succédé à"),
    "Established": ("Estableció", "A créé"),
    "Established by": ("Establecido por", "Créé par"),
    "Implements": ("Aplica", "Met en œuvre"),
    "Implemented by": ("Aplicado por", "Mis en œuvre par"),
    "Mentions": ("Menciona", "Mentionne"),
    "Mentioned in": ("Mencionado en", "Mentionné dans"),
    "Related to": ("Relacionado con", "Lié à"),
    "Relations": ("Relaciones", "Relations"),
    "Key documents": ("Documentos clave", "Documents clés"),
    # --- search --------------------------------------------------------------------------------
    "Search": ("Buscar", "Rechercher"),
    "Search results": ("Resultados de la búsqueda", "Résultats de la recherche"),
    "Searching…": ("Buscando…", "Recherche…"),
    "Results for “{query}”": ("Resultados para «{query}»", "Résultats pour « {query} »"),
    "No results for “{query}”.": (
        "No hay resultados para «{query}».",
        "Aucun résultat pour « {query} ».",
    ),
    "Did you mean {link}?": ("¿Quiso decir {link}?", "Vouliez-vous dire {link} ?"),
    "Did you mean {text}?": ("¿Quiso decir {text}?", "Vouliez-vous dire {text} ?"),
    "Did you mean: {suggestion}?": (
        "¿Quiso decir: {suggestion}?",
        "Vouliez-vous dire : {suggestion} ?",
    ),
    "Spelling suggestion": ("Sugerencia ortográfica", "Suggestion d'orthographe"),
    "Only {value}": ("Solo {value}", "Seulement {value}"),
    "Search failed: {error}": ("La búsqueda falló: {error}", "La recherche a échoué : {error}"),
    "Search is not available: the index is being prepared.": (
        "La búsqueda no está disponible: se está preparando el índice.",
        "La recherche n'est pas disponible : l'index est en préparation.",
    ),
    "Search is unavailable: {error}": (
        "La búsqueda no está disponible: {error}",
        "La recherche n'est pas disponible : {error}",
    ),
    "Search everything; arrows move through results, Enter opens": (
        "Buscar en todo; las flechas recorren los resultados, Intro abre",
        "Rechercher partout ; les flèches parcourent les résultats, Entrée ouvre",
    ),
    "{total} result(s)": ("{total} resultado(s)", "{total} résultat(s)"),
    "… and {n} more": ("… y {n} más", "… et {n} de plus"),
    "Building the search index: {done}/{total}": (
        "Creando el índice de búsqueda: {done}/{total}",
        "Création de l'index de recherche : {done}/{total}",
    ),
    "Preparing the search index for the first time…": (
        "Preparando el índice de búsqueda por primera vez…",
        "Préparation de l'index de recherche pour la première fois…",
    ),
    "The data has changed: updating the search index…": (
        "Los datos han cambiado: actualizando el índice de búsqueda…",
        "Les données ont changé : mise à jour de l'index de recherche…",
    ),
    "The search index was damaged: rebuilding it…": (
        "El índice de búsqueda estaba dañado: se está reconstruyendo…",
        "L'index de recherche était endommagé : reconstruction en cours…",
    ),
    "The search index {path} cannot be read: {error}": (
        "No se puede leer el índice de búsqueda {path}: {error}",
        "Impossible de lire l'index de recherche {path} : {error}",
    ),
    "The search index cache {path} is inside the program's folder; refusing to write there.": (
        "La caché del índice de búsqueda {path} está dentro de la carpeta del programa; "
        "no se escribirá allí.",
        "Le cache de l'index de recherche {path} se trouve dans le dossier du programme ; "
        "écriture refusée.",
    ),
    "Please wait": ("Espere, por favor", "Veuillez patienter"),
    "Building {name}": ("Creando {name}", "Création de {name}"),
    "Rebuilding {name}": ("Reconstruyendo {name}", "Reconstruction de {name}"),
    # --- printing, fact sheets, meeting packs ----------------------------------------------------
    "Fact sheet": ("Ficha informativa", "Fiche d'information"),
    "Export PDF": ("Exportar PDF", "Exporter en PDF"),
    "Export PDF…": ("Exportar PDF…", "Exporter en PDF…"),
    "Print…": ("Imprimir…", "Imprimer…"),
    "Print preview…": ("Vista previa de impresión…", "Aperçu avant impression…"),
    "PDF (*.pdf)": ("PDF (*.pdf)", "PDF (*.pdf)"),
    "Export the fact sheet as PDF": (
        "Exportar la ficha informativa en PDF",
        "Exporter la fiche d'information en PDF",
    ),
    "Print the fact sheet, print preview": (
        "Imprimir la ficha informativa, vista previa",
        "Imprimer la fiche d'information, aperçu",
    ),
    "Fact sheets and printing are not available in this build.": (
        "Las fichas informativas y la impresión no están disponibles en esta versión.",
        "Les fiches d'information et l'impression ne sont pas disponibles dans cette version.",
    ),
    "Nothing to print": ("Nada que imprimir", "Rien à imprimer"),
    "No records to print.": ("No hay registros para imprimir.", "Aucune fiche à imprimer."),
    "Open a record first, then print its fact sheet.": (
        "Abra primero un registro y luego imprima su ficha informativa.",
        "Ouvrez d'abord une fiche, puis imprimez sa fiche d'information.",
    ),
    "The PDF could not be written: {error}": (
        "No se pudo escribir el PDF: {error}",
        "Le PDF n'a pas pu être écrit : {error}",
    ),
    "Wrote {path}": ("Se escribió {path}", "{path} écrit"),
    "Wrote {path} ({pages} pages)": (
        "Se escribió {path} ({pages} páginas)",
        "{path} écrit ({pages} pages)",
    ),
    "Meeting pack": ("Dosier de reunión", "Dossier de réunion"),
    "Meeting:": ("Reunión:", "Réunion :"),
    "Meeting name (optional)": (
        "Nombre de la reunión (opcional)",
        "Nom de la réunion (facultatif)",
    ),
    "Added to the meeting pack": ("Añadido al dosier de reunión", "Ajouté au dossier de réunion"),
    "Already in the meeting pack": (
        "Ya está en el dosier de reunión",
        "Déjà dans le dossier de réunion",
    ),
    "The meeting pack is empty. Use “Add to meeting pack” on a record or on search results.": (
        "El dosier de reunión está vacío. Use «Añadir al dosier de reunión» en un registro o "
        "en los resultados de búsqueda.",
        "Le dossier de réunion est vide. Utilisez « Ajouter au dossier de réunion » sur une "
        "fiche ou sur des résultats de recherche.",
    ),
    "The meeting pack could not be saved to {path}: {error}": (
        "No se pudo guardar el dosier de reunión en {path}: {error}",
        "Le dossier de réunion n'a pas pu être enregistré dans {path} : {error}",
    ),
    "The meeting pack {path} cannot be read: {error}": (
        "No se puede leer el dosier de reunión {path}: {error}",
        "Impossible de lire le dossier de réunion {path} : {error}",
    ),
    "The meeting pack {path} is damaged ({error}). A copy was kept as {backup}; a new, empty "
    "pack is used.": (
        "El dosier de reunión {path} está dañado ({error}). Se guardó una copia como {backup}; "
        "se usa un dosier nuevo y vacío.",
        "Le dossier de réunion {path} est endommagé ({error}). Une copie a été conservée sous "
        "{backup} ; un nouveau dossier vide est utilisé.",
    ),
    "Paper:": ("Papel:", "Papier :"),
    "US Letter": ("Carta (EE. UU.)", "Lettre US"),
    "Language:": ("Idioma:", "Langue :"),
    "Second language:": ("Segundo idioma:", "Deuxième langue :"),
    "None": ("Ninguno", "Aucune"),
    "Languages: {first} and {second}": (
        "Idiomas: {first} y {second}",
        "Langues : {first} et {second}",
    ),
    "Contents": ("Índice", "Sommaire"),
    "{title} (continued)": ("{title} (continuación)", "{title} (suite)"),
    "Prepared on {date}": ("Preparado el {date}", "Préparé le {date}"),
    "Data as of {date}": ("Datos al {date}", "Données au {date}"),
    "SSE Ref · data as of {date} · page {page} of {pages}": (
        "SSE Ref · datos al {date} · página {page} de {pages}",
        "SSE Ref · données au {date} · page {page} sur {pages}",
    ),
    "{n} terms in English, Spanish and French": (
        "{n} términos en inglés, español y francés",
        "{n} termes en anglais, espagnol et français",
    ),
    "Not available": ("No disponible", "Non disponible"),
    # --- help, about, errors -----------------------------------------------------------------
    "An offline reference on the Social and Solidarity Economy and South-South cooperation.": (
        "Una referencia sin conexión sobre la economía social y solidaria y la cooperación "
        "Sur-Sur.",
        "Une référence hors ligne sur l'économie sociale et solidaire et la coopération Sud-Sud.",
    ),
    "Data version {version}, built {built}": (
        "Versión de los datos {version}, creada el {built}",
        "Version des données {version}, créée le {built}",
    ),
    "Back and forward between records": (
        "Atrás y adelante entre registros",
        "Précédent et suivant entre les fiches",
    ),
    "Copy the citation of the open record": (
        "Copiar la cita del registro abierto",
        "Copier la citation de la fiche ouverte",
    ),
    "Filter the current list": ("Filtrar la lista actual", "Filtrer la liste affichée"),
    "In the timeline: arrows move between events, Enter opens one, Ctrl+wheel or +/- zoom.": (
        "En la cronología: las flechas pasan de un acontecimiento a otro, Intro abre uno, "
        "Ctrl+rueda o +/- amplían o reducen.",
        "Dans la frise : les flèches passent d'un événement à l'autre, Entrée en ouvre un, "
        "Ctrl+molette ou +/- zooment.",
    ),
    "Large text for projectors": ("Texto grande para proyectores", "Grand texte pour projecteurs"),
    "Move between the sidebar, the list and the record page": (
        "Pasar de la barra lateral a la lista y a la página del registro",
        "Passer de la barre latérale à la liste et à la page de la fiche",
    ),
    "Organizations, History, Documents, Initiatives, Glossary": (
        "Organizaciones, Historia, Documentos, Iniciativas, Glosario",
        "Organisations, Histoire, Documents, Initiatives, Glossaire",
    ),
    "Zoom in, zoom out, actual size": (
        "Ampliar, reducir, tamaño real",
        "Zoom avant, zoom arrière, taille réelle",
    ),
    "Error details": ("Detalles del error", "Détails de l'erreur"),
    "Copy details": ("Copiar los detalles", "Copier les détails"),
    "Unexpected error": ("Error inesperado", "Erreur inattendue"),
    "Something went wrong: {message}": (
        "Algo salió mal: {message}",
        "Un problème est survenu : {message}",
    ),
    "The details were saved in {path}.": (
        "Los detalles se guardaron en {path}.",
        "Les détails ont été enregistrés dans {path}.",
    ),
    "SSE Ref cannot start": ("SSE Ref no puede iniciarse", "SSE Ref ne peut pas démarrer"),
    "SSE Ref is already running": ("SSE Ref ya está en ejecución", "SSE Ref est déjà ouvert"),
    "SSE Ref seems to be open already, but its window did not come forward: it may be busy. "
    "The reference data is read-only, so a second window is safe. (Settings are saved by the "
    "window closed last.)\n\nOpen a second window?": (
        "SSE Ref parece estar ya abierto, pero su ventana no ha pasado al frente: puede que "
        "esté ocupado. Los datos de referencia son de solo lectura, así que una segunda ventana "
        "no supone ningún riesgo. (La configuración la guarda la última ventana que se cierre.)"
        "\n\n¿Abrir una segunda ventana?",
        "SSE Ref semble déjà ouvert, mais sa fenêtre n'est pas passée au premier plan : il est "
        "peut-être occupé. Les données de référence sont en lecture seule, une deuxième fenêtre "
        "ne pose donc aucun problème. (Les réglages sont enregistrés par la dernière fenêtre "
        "fermée.)\n\nOuvrir une deuxième fenêtre ?",
    ),
    "SSE Ref is already running: its window was brought to the front.": (
        "SSE Ref ya se está ejecutando: su ventana ha pasado al frente.",
        "SSE Ref est déjà lancé : sa fenêtre est passée au premier plan.",
    ),
    "SSE Ref was already open: here is its window.": (
        "SSE Ref ya estaba abierto: aquí está su ventana.",
        "SSE Ref était déjà ouvert : voici sa fenêtre.",
    ),
    "No graphical display is available (DISPLAY and WAYLAND_DISPLAY are not set), so the "
    "window cannot open. The command-line tools still work: try 'sseref --help', 'sseref "
    "stats' or 'sseref show org/untfsse'.": (
        "No hay ninguna pantalla gráfica disponible (DISPLAY y WAYLAND_DISPLAY no están "
        "definidas), por lo que la ventana no puede abrirse. Las herramientas de línea de "
        "comandos siguen funcionando: pruebe 'sseref --help', 'sseref stats' o "
        "'sseref show org/untfsse'.",
        "Aucun affichage graphique n'est disponible (DISPLAY et WAYLAND_DISPLAY ne sont pas "
        "définies) : la fenêtre ne peut pas s'ouvrir. Les outils en ligne de commande "
        "fonctionnent toujours : essayez 'sseref --help', 'sseref stats' ou "
        "'sseref show org/untfsse'.",
    ),
    "The reference database is missing: {path}. Run 'sseref build-data'.": (
        "Falta la base de datos de referencia: {path}. Ejecute 'sseref build-data'.",
        "La base de données de référence est absente : {path}. Lancez 'sseref build-data'.",
    ),
    "The reference database {path} cannot be read: {error}": (
        "No se puede leer la base de datos de referencia {path}: {error}",
        "Impossible de lire la base de données de référence {path} : {error}",
    ),
    "The reference database {path} has schema version {found}; this program needs version "
    "{wanted}. Rebuild it with 'sseref build-data'.": (
        "La base de datos de referencia {path} tiene la versión de esquema {found}; este "
        "programa necesita la versión {wanted}. Reconstrúyala con 'sseref build-data'.",
        "La base de données de référence {path} a la version de schéma {found} ; ce programme "
        "a besoin de la version {wanted}. Reconstruisez-la avec 'sseref build-data'.",
    ),
    "Also known as": ("También conocido como", "Également connu sous le nom de"),
    "Data as of": ("Datos al", "Données au"),
    "Data built": ("Datos generados", "Données générées"),
    "Data version": ("Versión de los datos", "Version des données"),
    "Keyboard shortcuts": ("Atajos de teclado", "Raccourcis clavier"),
    "Works without a network connection.": (
        "Funciona sin conexión de red.",
        "Fonctionne sans connexion réseau.",
    ),
    # --- command line --------------------------------------------------------------------------
    "SSE Ref: an offline reference on the Social and Solidarity Economy and South-South "
    "cooperation. Without a command, opens the window.": (
        "SSE Ref: una referencia sin conexión sobre la economía social y solidaria y la "
        "cooperación Sur-Sur. Sin ningún comando, abre la ventana.",
        "SSE Ref : une référence hors ligne sur l'économie sociale et solidaire et la "
        "coopération Sud-Sud. Sans commande, ouvre la fenêtre.",
    ),
    "Built {path}: {counts}": ("Se creó {path}: {counts}", "{path} créé : {counts}"),
    "The database is up to date: {path}": (
        "La base de datos está actualizada: {path}",
        "La base de données est à jour : {path}",
    ),
    "No data/ folder here: pass --source DIR.": (
        "No hay ninguna carpeta data/ aquí: indique --source DIR.",
        "Pas de dossier data/ ici : indiquez --source DIR.",
    ),
    "{n} problem(s) in {path}; nothing was written.": (
        "{n} problema(s) en {path}; no se escribió nada.",
        "{n} problème(s) dans {path} ; rien n'a été écrit.",
    ),
    "Unknown kind '{kind}'. Kinds: {kinds}.": (
        "Tipo desconocido «{kind}». Tipos: {kinds}.",
        "Type inconnu « {kind} ». Types : {kinds}.",
    ),
    "Unknown record id(s): {ids}": (
        "Identificador(es) de registro desconocido(s): {ids}",
        "Identifiant(s) de fiche inconnu(s) : {ids}",
    ),
    "sseref factsheet: give at least one record id.": (
        "sseref factsheet: indique al menos un identificador de registro.",
        "sseref factsheet : indiquez au moins un identifiant de fiche.",
    ),
    "sseref search: give a QUERY, or --batch to read queries from standard input": (
        "sseref search: indique una QUERY o --batch para leer las consultas de la entrada estándar",
        "sseref search : indiquez une QUERY, ou --batch pour lire les requêtes sur l'entrée "
        "standard",
    ),
    "Corpus of {n} records: indexing with Whoosh…": (
        "Corpus de {n} registros: indexando con Whoosh…",
        "Corpus de {n} fiches : indexation avec Whoosh…",
    ),
    "…and with SQLite FTS5": ("…y con SQLite FTS5", "…et avec SQLite FTS5"),
    "Qt platform plugin for the Qt checks (default: offscreen)": (
        "complemento de plataforma Qt para las comprobaciones de Qt (predeterminado: offscreen)",
        "greffon de plateforme Qt pour les vérifications Qt (par défaut : offscreen)",
    ),
    "a second language shown side by side": (
        "un segundo idioma mostrado en paralelo",
        "une deuxième langue affichée en regard",
    ),
    "also open the main window (offscreen) and close it": (
        "abrir también la ventana principal (offscreen) y cerrarla",
        "ouvrir aussi la fenêtre principale (offscreen) puis la fermer",
    ),
    "also print each check on stderr as it ends": (
        "mostrar también cada comprobación en stderr al terminar",
        "afficher aussi chaque vérification sur stderr à la fin",
    ),
    "also write the tables to this Markdown file": (
        "escribir también las tablas en este archivo Markdown",
        "écrire aussi les tableaux dans ce fichier Markdown",
    ),
    "benchmark the search index against SQLite FTS5": (
        "comparar el rendimiento del índice de búsqueda con SQLite FTS5",
        "comparer les performances de l'index de recherche avec SQLite FTS5",
    ),
    "benchmarks (search, …)": (
        "pruebas de rendimiento (búsqueda, …)",
        "mesures de performance (recherche, …)",
    ),
    "check that this installation works (exit code 0 or 1)": (
        "comprobar que esta instalación funciona (código de salida 0 o 1)",
        "vérifier que cette installation fonctionne (code de sortie 0 ou 1)",
    ),
    "check this search index folder instead of the shipped one": (
        "comprobar esta carpeta de índice de búsqueda en lugar de la incluida",
        "vérifier ce dossier d'index de recherche au lieu de celui fourni",
    ),
    "corpus sizes, comma-separated (default: 1000,10000,50000)": (
        "tamaños del corpus, separados por comas (predeterminado: 1000,10000,50000)",
        "tailles du corpus, séparées par des virgules (par défaut : 1000,10000,50000)",
    ),
    "counts and data version": (
        "recuentos y versión de los datos",
        "décomptes et version des données",
    ),
    "hits per query (default 10)": (
        "resultados por consulta (predeterminado: 10)",
        "résultats par requête (par défaut : 10)",
    ),
    "keep settings, user data and caches in this folder": (
        "guardar la configuración, los datos del usuario y las cachés en esta carpeta",
        "conserver les réglages, les données de l'utilisateur et les caches dans ce dossier",
    ),
    "keep the temporary indexes": (
        "conservar los índices temporales",
        "conserver les index temporaires",
    ),
    "language of the sheets (default: the interface language)": (
        "idioma de las fichas (predeterminado: el idioma de la interfaz)",
        "langue des fiches (par défaut : la langue de l'interface)",
    ),
    "language: en, es or fr": ("idioma: en, es o fr", "langue : en, es ou fr"),
    "meeting name for the pack's cover": (
        "nombre de la reunión para la portada del dosier",
        "nom de la réunion pour la couverture du dossier",
    ),
    "one glossary sheet of the given terms (all terms if none)": (
        "una ficha de glosario con los términos indicados (todos si no se indica ninguno)",
        "une fiche de glossaire des termes indiqués (tous si aucun)",
    ),
    "one whole record": ("un registro completo", "une fiche complète"),
    "only build when the outputs are missing or older than data/": (
        "crear solo cuando los resultados falten o sean más antiguos que data/",
        "ne construire que si les sorties manquent ou sont plus anciennes que data/",
    ),
    "only records of this kind (org, event, doc, init, term)": (
        "solo registros de este tipo (org, event, doc, init, term)",
        "uniquement les fiches de ce type (org, event, doc, init, term)",
    ),
    "paper size (default: from the locale)": (
        "tamaño del papel (predeterminado: según la configuración regional)",
        "format du papier (par défaut : selon les paramètres régionaux)",
    ),
    "print JSON": ("mostrar JSON", "afficher du JSON"),
    "print the report as JSON": ("mostrar el informe en JSON", "afficher le rapport en JSON"),
    "print what was written as JSON": (
        "mostrar en JSON lo que se escribió",
        "afficher en JSON ce qui a été écrit",
    ),
    "queries per query kind": ("consultas por tipo de consulta", "requêtes par type de requête"),
    "read queries from standard input, one per line (JSON lines)": (
        "leer las consultas de la entrada estándar, una por línea (JSON lines)",
        "lire les requêtes sur l'entrée standard, une par ligne (JSON lines)",
    ),
    "record ids; several make a pack with a cover and contents": (
        "identificadores de registro; varios forman un dosier con portada e índice",
        "identifiants de fiche ; plusieurs forment un dossier avec couverture et sommaire",
    ),
    "search every record (EN/ES/FR, acronyms, symbols)": (
        "buscar en todos los registros (EN/ES/FR, siglas, signaturas)",
        "rechercher dans toutes les fiches (EN/ES/FR, sigles, cotes)",
    ),
    "skip this many hits (paging)": (
        "omitir este número de resultados (paginación)",
        "sauter ce nombre de résultats (pagination)",
    ),
    "the PDF file to write": ("el archivo PDF que se escribirá", "le fichier PDF à écrire"),
    "the data folder (default: the checkout's data/)": (
        "la carpeta de datos (predeterminado: data/ del repositorio)",
        "le dossier de données (par défaut : data/ du dépôt)",
    ),
    'the query (words, "phrases", OR, -word, kind:, year:1970..1980, type:, region:, lang:)': (
        'la consulta (palabras, "frases", OR, -palabra, kind:, year:1970..1980, type:, '
        "region:, lang:)",
        'la requête (mots, "expressions", OR, -mot, kind:, year:1970..1980, type:, region:, lang:)',
    ),
    "the records of one kind": ("los registros de un tipo", "les fiches d'un type"),
    "treat the last word as a prefix, as the search box does": (
        "tratar la última palabra como prefijo, como hace el cuadro de búsqueda",
        "traiter le dernier mot comme un préfixe, comme le fait la zone de recherche",
    ),
    "use this database file instead of the bundled one": (
        "usar este archivo de base de datos en lugar del incluido",
        "utiliser ce fichier de base de données au lieu de celui fourni",
    ),
    "validate data/ and build the database": (
        "validar data/ y crear la base de datos",
        "valider data/ et construire la base de données",
    ),
    "write the fact sheet of one record, or a meeting pack of several, as PDF": (
        "escribir en PDF la ficha informativa de un registro o un dosier de reunión de varios",
        "écrire en PDF la fiche d'information d'une fiche ou un dossier de réunion de plusieurs",
    ),
}

# Plural entries: (singular, plural) msgid → ((es forms), (fr forms)); both have two forms.
PLURALS: dict[tuple[str, str], tuple[tuple[str, str], tuple[str, str]]] = {
    ("{n} record", "{n} records"): (("{n} registro", "{n} registros"), ("{n} fiche", "{n} fiches")),
    ("{n} result", "{n} results"): (
        ("{n} resultado", "{n} resultados"),
        ("{n} résultat", "{n} résultats"),
    ),
}

# --- the finished window (issue 18): start page, citations, find, exports, help, about -------
TRANSLATIONS.update(
    {
        "&Start page": ("&Página de inicio", "Page d'a&ccueil"),
        "A year or a range of years": ("Un año o un intervalo de años", "Une année ou une période"),
        "APA (7th edition)": ("APA (7.ª edición)", "APA (7e édition)"),
        "Acronyms in English, Spanish or French find the same body": (
            "Las siglas en inglés, español o francés encuentran el mismo organismo",
            "Les sigles en anglais, espagnol ou français trouvent le même organisme",
        ),
        "An exact phrase": ("Una frase exacta", "Une expression exacte"),
        "An offline reference on the Social and Solidarity Economy and South-South "
        "cooperation: organizations, history, documents, initiatives and a glossary in "
        "English, Spanish and French. Choose a record in a list, or search with Ctrl+K.": (
            "Una referencia sin conexión sobre la economía social y solidaria y la cooperación "
            "Sur-Sur: organizaciones, historia, documentos, iniciativas y un glosario en "
            "inglés, español y francés. Elija un registro en una lista o busque con Ctrl+K.",
            "Une référence hors ligne sur l'économie sociale et solidaire et la coopération "
            "Sud-Sud : organisations, histoire, documents, initiatives et un glossaire en "
            "anglais, espagnol et français. Choisissez une fiche dans une liste ou cherchez "
            "avec Ctrl+K.",
        ),
        "C&lear filters": ("&Quitar los filtros", "&Effacer les filtres"),
        "CSV files (*.csv)": ("Archivos CSV (*.csv)", "Fichiers CSV (*.csv)"),
        "Chicago (notes and bibliography)": (
            "Chicago (notas y bibliografía)",
            "Chicago (notes et bibliographie)",
        ),
        "Choose a list first (Organizations, History, …).": (
            "Elija primero una lista (Organizaciones, Historia, …).",
            "Choisissez d'abord une liste (Organisations, Histoire, …).",
        ),
        "Citation st&yle": ("Es&tilo de cita", "St&yle de citation"),
        "Close the find bar": ("Cerrar la barra de búsqueda", "Fermer la barre de recherche"),
        "Copy": ("Copiar", "Copier"),
        "Corrections": ("Correcciones", "Corrections"),
        "Could not save {path}: {error}": (
            "No se pudo guardar {path}: {error}",
            "Impossible d'enregistrer {path} : {error}",
        ),
        "Data as of {as_of}. Accessed {accessed}.": (
            "Datos a {as_of}. Consultado el {accessed}.",
            "Données au {as_of}. Consulté le {accessed}.",
        ),
        "Data as of {date}; built on {built}.": (
            "Datos a {date}; generados el {built}.",
            "Données au {date} ; construites le {built}.",
        ),
        "Data version {version}": (
            "Versión de los datos {version}",
            "Version des données {version}",
        ),
        "Either word": ("Una palabra u otra", "L'un ou l'autre mot"),
        "Export cita&tion…": ("Exportar ci&ta…", "Exporter la ci&tation…"),
        "Export citation": ("Exportar cita", "Exporter la citation"),
        "Export the &list as CSV…": ("Exportar la &lista como CSV…", "Exporter la &liste en CSV…"),
        "Export the list": ("Exportar la lista", "Exporter la liste"),
        "Filter by type, region or document language": (
            "Filtrar por tipo, región o idioma del documento",
            "Filtrer par type, région ou langue du document",
        ),
        "Filters cleared": ("Filtros quitados", "Filtres effacés"),
        "Find in pa&ge…": ("Buscar en la pá&gina…", "Chercher dans la pa&ge…"),
        "Find in page": ("Buscar en la página", "Chercher dans la page"),
        "Find in page…": ("Buscar en la página…", "Chercher dans la page…"),
        "In a list: open the record": (
            "En una lista: abrir el registro",
            "Dans une liste : ouvrir la fiche",
        ),
        "In the search box: move through the results, open one": (
            "En el cuadro de búsqueda: recorrer los resultados, abrir uno",
            "Dans la zone de recherche : parcourir les résultats, en ouvrir un",
        ),
        "In the timeline: arrows move between events, Enter opens one, +/- or Ctrl+wheel zoom "
        "around the pointer, 0 shows the whole range.": (
            "En la cronología: las flechas pasan de un acontecimiento a otro, Intro abre uno, "
            "+/- o Ctrl+rueda acercan o alejan alrededor del puntero, 0 muestra todo el periodo.",
            "Dans la chronologie : les flèches passent d'un événement à l'autre, Entrée en "
            "ouvre un, +/- ou Ctrl+molette zooment autour du pointeur, 0 montre toute la période.",
        ),
        "In {work} (data as of {as_of}). Retrieved {accessed}.": (
            "En {work} (datos a {as_of}). Recuperado el {accessed}.",
            "Dans {work} (données au {as_of}). Consulté le {accessed}.",
        ),
        "In {work}, data as of {as_of} (accessed {accessed}).": (
            "En {work}, datos a {as_of} (consultado el {accessed}).",
            "Dans {work}, données au {as_of} (consulté le {accessed}).",
        ),
        "In {work}, data as of {as_of}. Accessed {accessed}.": (
            "En {work}, datos a {as_of}. Consultado el {accessed}.",
            "Dans {work}, données au {as_of}. Consulté le {accessed}.",
        ),
        "Leave out records with a word": (
            "Excluir los registros con una palabra",
            "Exclure les fiches contenant un mot",
        ),
        "Leave the search, or close the find bar": (
            "Salir de la búsqueda o cerrar la barra de búsqueda",
            "Quitter la recherche ou fermer la barre de recherche",
        ),
        "Licence": ("Licencia", "Licence"),
        "Newer data": ("Datos más recientes", "Données plus récentes"),
        "Newer data comes with a newer version of SSE Ref, as a file to install like this "
        "one: nothing is downloaded. The data date above says how current this copy is.": (
            "Los datos más recientes llegan con una versión más reciente de SSE Ref, como un "
            "archivo que se instala como este: no se descarga nada. La fecha de los datos "
            "indicada arriba dice cuán actual es esta copia.",
            "Les données plus récentes arrivent avec une version plus récente de SSE Ref, sous "
            "forme d'un fichier à installer comme celui-ci : rien n'est téléchargé. La date "
            "des données ci-dessus indique l'actualité de cette copie.",
        ),
        "Next match": ("Siguiente coincidencia", "Occurrence suivante"),
        "Not found": ("No encontrado", "Introuvable"),
        "Not found on this page: {text}": (
            "No se encuentra en esta página: {text}",
            "Introuvable sur cette page : {text}",
        ),
        "One kind: organization, event, document, initiative or term": (
            "Un tipo de registro: organization, event, document, initiative o term",
            "Un type de fiche : organization, event, document, initiative ou term",
        ),
        "Open": ("Abrir", "Ouvrir"),
        "Open a record first.": ("Abra primero un registro.", "Ouvrez d'abord une fiche."),
        "Open folder": ("Abrir la carpeta", "Ouvrir le dossier"),
        "Open linked record": ("Abrir el registro enlazado", "Ouvrir la fiche liée"),
        "Other keys": ("Otras teclas", "Autres touches"),
        "Press F1 for the whole search syntax and every shortcut.": (
            "Pulse F1 para ver toda la sintaxis de búsqueda y todos los atajos.",
            "Appuyez sur F1 pour toute la syntaxe de recherche et tous les raccourcis.",
        ),
        "Previous match": ("Coincidencia anterior", "Occurrence précédente"),
        "Recently viewed": ("Vistos recientemente", "Consultés récemment"),
        "Saved to {path}": ("Guardado en {path}", "Enregistré dans {path}"),
        "Search syntax": ("Sintaxis de búsqueda", "Syntaxe de recherche"),
        "Select all": ("Seleccionar todo", "Tout sélectionner"),
        "Start page": ("Página de inicio", "Page d'accueil"),
        "The context menu of a list row or the record page": (
            "El menú contextual de una fila de lista o de la página del registro",
            "Le menu contextuel d'une ligne de liste ou de la page de la fiche",
        ),
        "The program is free software under the MIT licence. The record summaries are written "
        "for SSE Ref; every record lists the sources of its facts, with the date they were "
        "checked.": (
            "El programa es software libre con licencia MIT. Los resúmenes de los registros se "
            "redactan para SSE Ref; cada registro indica las fuentes de sus datos, con la fecha "
            "en que se comprobaron.",
            "Le programme est un logiciel libre sous licence MIT. Les résumés des fiches sont "
            "rédigés pour SSE Ref ; chaque fiche indique les sources de ses faits, avec la date "
            "de leur vérification.",
        ),
        "This copy's data was built on {built}. Newer data comes with a newer version of SSE "
        "Ref; Help → About tells which version you have.": (
            "Los datos de esta copia se generaron el {built}. Los datos más recientes llegan "
            "con una versión más reciente de SSE Ref; Ayuda → Acerca de indica qué versión "
            "tiene.",
            "Les données de cette copie ont été construites le {built}. Les données plus "
            "récentes arrivent avec une version plus récente de SSE Ref ; Aide → À propos "
            "indique votre version.",
        ),
        "To report an error in a record, note its title and the source you checked, and send "
        "them to whoever gave you this copy of SSE Ref (Help → About tells its version).": (
            "Para señalar un error en un registro, anote su título y la fuente que comprobó, y "
            "envíelos a quien le dio esta copia de SSE Ref (Ayuda → Acerca de indica su "
            "versión).",
            "Pour signaler une erreur dans une fiche, notez son titre et la source vérifiée, et "
            "envoyez-les à la personne qui vous a remis cette copie de SSE Ref (Aide → À propos "
            "indique sa version).",
        ),
        "Try a search": ("Pruebe una búsqueda", "Essayez une recherche"),
        "UN document symbols": (
            "Signaturas de documentos de la ONU",
            "Cotes des documents de l'ONU",
        ),
        "UN documentation style": (
            "Estilo de documentación de la ONU",
            "Style de documentation de l'ONU",
        ),
        "Welcome to SSE Ref": ("Bienvenido a SSE Ref", "Bienvenue dans SSE Ref"),
        "What is new": ("Novedades", "Nouveautés"),
        "What the data holds": ("Qué contienen los datos", "Ce que contiennent les données"),
        "Words: records holding every word, in any language; accents optional": (
            "Palabras: registros que contienen todas las palabras, en cualquier idioma; acentos "
            "opcionales",
            "Mots : les fiches contenant tous les mots, dans toutes les langues ; accents "
            "facultatifs",
        ),
        "an acronym in any language ({a} = {b})": (
            "unas siglas en cualquier idioma ({a} = {b})",
            "un sigle dans n'importe quelle langue ({a} = {b})",
        ),
        "an exact phrase, in quotes": (
            "una frase exacta, entre comillas",
            "une expression exacte, entre guillemets",
        ),
        "documents of a decade: kind: and year: filters": (
            "documentos de una década: filtros kind: y year:",
            "documents d'une décennie : filtres kind: et year:",
        ),
        "either word: OR": ("una palabra u otra: OR", "l'un ou l'autre mot : OR"),
        "founded {date}": ("fundada en {date}", "fondée en {date}"),
        "leave a word out: -word": ("excluir una palabra: -palabra", "exclure un mot : -mot"),
        "n.d.": ("s. f.", "s. d."),
        "SSE Ref is an offline reference on the Social and Solidarity Economy and South-South "
        "cooperation. Every fact sheet lists the sources of its facts.": (
            "SSE Ref es una referencia sin conexión sobre la economía social y solidaria y la "
            "cooperación Sur-Sur. Cada ficha informativa indica las fuentes de sus datos.",
            "SSE Ref est une référence hors ligne sur l'économie sociale et solidaire et la "
            "coopération Sud-Sud. Chaque fiche d'information indique les sources de ses faits.",
        ),
    }
)

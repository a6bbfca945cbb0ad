/** The command palette's texts (in the common catalogue as `palette.*`). */
export const paletteTexts = {
  de: {
    open: 'Suchen und Befehle (Strg+K)',
    placeholder: 'Anfragen, Datenpannen, Auftragsverarbeiter, Tätigkeiten, Richtlinien, Personen … oder ein Befehl',
    nothing: 'Nichts gefunden.',
    searching: 'Suche …',
    kinds: {
      request: 'Betroffenenanfragen',
      incident: 'Datenpannen',
      processor: 'Auftragsverarbeiter',
      activity: 'Verarbeitungstätigkeiten',
      policy: 'Richtlinien',
      staff: 'Personen (offene Anfragen)',
    },
    actions: 'Befehle auf diesem Bildschirm',
    goTo: 'Gehe zu',
  },
  en: {
    open: 'Search and commands (Ctrl+K)',
    placeholder: 'Requests, breaches, processors, activities, policies, people … or a command',
    nothing: 'Nothing found.',
    searching: 'Searching …',
    kinds: {
      request: 'Data-subject requests',
      incident: 'Breaches',
      processor: 'Processors',
      activity: 'Processing activities',
      policy: 'Policies',
      staff: 'People (open requests)',
    },
    actions: 'Commands on this screen',
    goTo: 'Go to',
  },
};

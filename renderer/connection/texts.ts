import type { Catalogue } from '../i18n/catalogue';

/** The connection screen and the workspace menu (part of the shell's texts). */
const de = {
  title: 'Mit der Plattform verbinden',
  lead: 'Privacy Console arbeitet mit der Admin-API Ihrer Lernplattform. Sie melden sich im Browser bei der Plattform an; die Konsole erhält nur ein kurzlebiges Zugriffstoken.',
  demoTitle: 'Demo-Arbeitsbereich',
  demoText:
    'Eine Beispielplattform mit erfundenen Personen, in der Konsole selbst. Die Anmeldeseite zeigt das Demo-Personal mit Passwörtern.',
  openDemo: 'Demo öffnen',
  platformTitle: 'Eigene Plattform',
  address: 'Adresse der Plattform',
  addressHint: 'Nur https (http nur auf diesem Rechner).',
  signIn: 'Anmelden',
  known: 'Bisherige Arbeitsbereiche',
  open: 'Öffnen',
  demoPlatform: 'Demo-Plattform',
  waiting: 'Die Anmeldeseite ist im Browser geöffnet. Melden Sie sich dort an; danach geht es hier weiter.',
  openPage: 'Anmeldeseite öffnen',
  cancel: 'Abbrechen',
  signedOutBanner:
    'Sie sind bei {{platform}} abgemeldet. Ihre Änderungen bleiben gespeichert und werden gesendet, sobald Sie wieder angemeldet sind.',
  signInAgain: 'Erneut anmelden',
  menu: 'Arbeitsbereich und Anmeldung',
  who: 'Angemeldet als',
  roles: 'Rollen',
  scopes: 'Berechtigungen',
  service: 'Dienstkonto (Token aus der Umgebung)',
  switch: 'Arbeitsbereich wechseln',
  signOut: 'Abmelden',
  errors: {
    'invalid-url': 'Das ist keine gültige Adresse (z. B. https://plattform.example.org).',
    'insecure-url': 'Nur https-Adressen sind erlaubt; http nur auf diesem Rechner.',
    unreachable: 'Die Plattform ist nicht erreichbar. Adresse und Netz prüfen.',
    'not-a-platform': 'Unter dieser Adresse bietet keine Plattform die Anmeldung der Admin-API an.',
    'sign-in-failed': 'Die Plattform hat die Anmeldung nicht angenommen. Bitte erneut versuchen.',
    'sign-in-cancelled': 'Die Anmeldung wurde abgebrochen.',
    'signed-out': 'Die Anmeldung ist abgelaufen. Bitte erneut anmelden.',
  },
};

const en: Catalogue<typeof de> = {
  title: 'Connect to the platform',
  lead: 'Privacy Console works with your learning platform’s admin API. You sign in to the platform in your browser; the console only receives a short-lived access token.',
  demoTitle: 'Demo workspace',
  demoText:
    'A sample platform with invented people, inside the console itself. Its sign-in page lists the demo staff with their passwords.',
  openDemo: 'Open the demo',
  platformTitle: 'Your platform',
  address: 'Platform address',
  addressHint: 'https only (http only on this machine).',
  signIn: 'Sign in',
  known: 'Workspaces used before',
  open: 'Open',
  demoPlatform: 'Demo platform',
  waiting: 'The sign-in page is open in your browser. Sign in there; you will continue here afterwards.',
  openPage: 'Open the sign-in page',
  cancel: 'Cancel',
  signedOutBanner: 'You are signed out of {{platform}}. Your changes stay saved and are sent once you are signed in again.',
  signInAgain: 'Sign in again',
  menu: 'Workspace and sign-in',
  who: 'Signed in as',
  roles: 'Roles',
  scopes: 'Permissions',
  service: 'Service account (token from the environment)',
  switch: 'Switch workspace',
  signOut: 'Sign out',
  errors: {
    'invalid-url': 'That is not a valid address (e.g. https://platform.example.org).',
    'insecure-url': 'Only https addresses are allowed; http only on this machine.',
    unreachable: 'The platform cannot be reached. Check the address and the network.',
    'not-a-platform': 'No platform at this address offers the admin API’s sign-in.',
    'sign-in-failed': 'The platform did not accept the sign-in. Please try again.',
    'sign-in-cancelled': 'The sign-in was cancelled.',
    'signed-out': 'The sign-in has expired. Please sign in again.',
  },
};

export const connectionTexts = { de, en };

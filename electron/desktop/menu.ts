import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../../shared/ipc/contract';

const texts = {
  de: {
    file: 'Datei',
    report: 'Monatsbericht …',
    close: 'Fenster schließen',
    quit: 'Beenden',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    search: 'Suchen und Befehle …',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    zoomReset: 'Originalgröße',
    fullScreen: 'Vollbild',
    go: 'Gehe zu',
    window: 'Fenster',
    minimize: 'Minimieren',
    help: 'Hilfe',
    keys: 'Tastenkürzel',
    about: 'Über Privacy Console',
    screens: {
      overview: 'Übersicht',
      requests: 'Betroffenenanfragen',
      breaches: 'Datenpannen',
      processors: 'Auftragsverarbeiter',
      policies: 'Richtlinien',
      access: 'Zugriffsrechte',
      records: 'Verarbeitungsverzeichnis',
      audit: 'Protokoll',
      settings: 'Einstellungen',
    },
  },
  en: {
    file: 'File',
    report: 'Monthly report …',
    close: 'Close window',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    search: 'Search and commands …',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    zoomReset: 'Actual size',
    fullScreen: 'Full screen',
    go: 'Go',
    window: 'Window',
    minimize: 'Minimise',
    help: 'Help',
    keys: 'Keyboard shortcuts',
    about: 'About Privacy Console',
    screens: {
      overview: 'Overview',
      requests: 'Data-subject requests',
      breaches: 'Breaches',
      processors: 'Processors',
      policies: 'Policies',
      access: 'Access rights',
      records: 'Records of processing',
      audit: 'Audit trail',
      settings: 'Settings',
    },
  },
} as const;

/** The screens of the Go menu, in the navigation's order, with Ctrl/Cmd+1 … 8. */
export const menuScreens = [
  'overview',
  'requests',
  'breaches',
  'processors',
  'policies',
  'access',
  'records',
  'audit',
  'settings',
] as const;

/**
 * The application menu in the user's language (File, Edit, View, Go, Window, Help), each entry with its
 * accelerator. Entries that act in the app send a command to the renderer; the rest are Electron's roles.
 */
export function menuTemplate(language: 'de' | 'en', send: (command: AppCommand) => void, about: () => void): MenuItemConstructorOptions[] {
  const t = texts[language];
  return [
    {
      label: t.file,
      submenu: [
        { label: t.report, accelerator: 'CmdOrCtrl+P', click: () => send({ go: '/overview' }) },
        { type: 'separator' },
        { label: t.close, role: 'close', accelerator: 'CmdOrCtrl+W' },
        { label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { label: t.search, accelerator: 'CmdOrCtrl+K', click: () => send({ open: 'palette' }) },
        { type: 'separator' },
        { label: t.zoomIn, role: 'zoomIn', accelerator: 'CmdOrCtrl+Plus' },
        { label: t.zoomOut, role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { label: t.zoomReset, role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { label: t.fullScreen, role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    {
      label: t.go,
      submenu: menuScreens.map((screen, index) => ({
        label: t.screens[screen],
        accelerator: `CmdOrCtrl+${index + 1}`,
        click: () => send({ go: `/${screen}` }),
      })),
    },
    {
      label: t.window,
      submenu: [
        { label: t.minimize, role: 'minimize', accelerator: 'CmdOrCtrl+M' },
        { label: t.close, role: 'close' },
      ],
    },
    {
      label: t.help,
      submenu: [
        { label: t.keys, accelerator: 'F1', click: () => send({ open: 'help' }) },
        { label: t.about, click: about },
      ],
    },
  ];
}

import type { AppCommand } from '../../shared/ipc/contract';

/** How many links wait for the page at most (a burst of clicks while it loads): the newest are kept. */
const MAX_WAITING = 10;

/**
 * Hands the menu's commands and deep links to the page, exactly when it listens: the preload says when the page
 * subscribes to `app.command` (and when it stops, or the page goes away). A link that arrives before (the link
 * that started the app, one clicked while the connection screen shows) waits and is delivered at that moment; a
 * menu command meant for the screen in front of the person is not kept for later.
 */
export class CommandDelivery {
  private listening = false;
  private readonly waiting: AppCommand[] = [];

  constructor(
    private readonly send: (command: AppCommand) => void,
    private readonly focus: () => void = () => undefined,
  ) {}

  /** A deep link or a second start: delivered now, or as soon as the page listens. The window comes to the front. */
  link(command: AppCommand): void {
    this.focus();
    if (this.listening) {
      this.send(command);
      return;
    }
    this.waiting.push(command);
    if (this.waiting.length > MAX_WAITING) this.waiting.splice(0, this.waiting.length - MAX_WAITING);
  }

  /** A menu command: only while the page listens (answers whether it went). */
  menu(command: AppCommand): boolean {
    if (this.listening) this.send(command);
    return this.listening;
  }

  /** The page subscribed (true) or unsubscribed / reloads / went away (false). */
  setListening(listening: boolean): void {
    this.listening = listening;
    if (!listening) return;
    for (const command of this.waiting.splice(0)) this.send(command);
  }

  get pending(): number {
    return this.waiting.length;
  }
}

/** What the preload sends when the page starts or stops listening for commands. */
export const COMMANDS_LISTENING = 'privacy-console:commands-listening';

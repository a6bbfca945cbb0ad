import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { operations } from '../../shared/api/paths';
import { PolicyDocument, PolicyLanguage, type PolicyVersion } from '../../shared/api/policies';
import { publishPolicy } from '../../shared/domain/policy-changes';
import { ProblemError } from '../http/problems';
import { sha256Hex } from '../store/digest';
import type { PlatformStore } from '../store/store';

/**
 * Publishes scheduled policy versions at their instant, on the platform alone (no console need be running):
 * each due version becomes the published one, fingerprinted, and the one before it is superseded — in one
 * transaction, so a reader never sees two or none. The clock is injected for tests.
 */
export class PolicyPublisher {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: PlatformStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Looks every `everyMs` for versions that are due (a restarted platform catches up at once). */
  start(everyMs: number): void {
    this.publishDue();
    this.timer = setInterval(() => this.publishDue(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Publishes what is due at the clock's instant; answers the versions published. */
  publishDue(): PolicyVersion[] {
    const at = this.now();
    const due = this.store
      .all<PolicyVersion>('policyVersion')
      .filter((v) => v.status === 'scheduled' && v.effectiveAt !== null && Date.parse(v.effectiveAt) <= at.getTime())
      .sort((a, b) => a.number - b.number);
    const done: PolicyVersion[] = [];
    for (const version of due) {
      this.store.transaction(() => {
        const current = this.current(version.document, version.language);
        // Built on a version no longer in force (another was published meanwhile): publishing it would drop
        // what that one said. It goes back to its authors instead.
        if (current && version.basedOn !== null && version.basedOn !== current.number) {
          this.store.put('policyVersion', {
            ...version,
            version: version.version + 1,
            updatedAt: at.toISOString(),
            status: 'draft',
            effectiveAt: null,
            approvedBy: null,
            approvedAt: null,
            timeline: [
              ...version.timeline,
              {
                id: randomUUID(),
                at: at.toISOString(),
                actor: 'platform',
                kind: 'returned',
                text: `version ${current.number} is in force now`,
              },
            ],
          } satisfies PolicyVersion);
          this.store.audit('platform', 'policy.returned', 'policyVersion', version.id, { inForce: current.number });
          return;
        }
        // Published now (later than its effective instant when the platform was down then); its "Stand" stays.
        const { published, superseded } = publishPolicy(version, current, at.toISOString(), sha256Hex, randomUUID);
        this.store.put('policyVersion', { ...published, version: version.version + 1 });
        if (superseded && current) this.store.put('policyVersion', { ...superseded, version: current.version + 1 });
        this.store.audit('platform', 'policy.published', 'policyVersion', version.id, { sha256: published.sha256 });
        done.push(published);
      });
    }
    return done;
  }

  /** The version readers get now, of a document in a language. */
  current(document: string, language: string): PolicyVersion | null {
    return (
      this.store
        .all<PolicyVersion>('policyVersion')
        .filter((v) => v.document === document && v.language === language && v.status === 'published')
        .sort((a, b) => b.number - a.number)[0] ?? null
    );
  }

  /** The versions scheduled to take effect, soonest first. */
  upcoming(document: string, language: string): PolicyVersion[] {
    return this.store
      .all<PolicyVersion>('policyVersion')
      .filter((v) => v.document === document && v.language === language && v.status === 'scheduled')
      .sort((a, b) => (a.effectiveAt ?? '').localeCompare(b.effectiveAt ?? ''));
  }

  /** Every version ever published, newest first. */
  history(document: string, language: string): PolicyVersion[] {
    return this.store
      .all<PolicyVersion>('policyVersion')
      .filter((v) => v.document === document && v.language === language && v.publishedAt !== null)
      .sort((a, b) => b.number - a.number);
  }
}

/** A version as readers get it: its text, its "Stand", whether it is in force, and its fingerprint once published. */
const served = (version: PolicyVersion) => ({
  document: version.document,
  language: version.language,
  number: version.number,
  title: version.title,
  effectiveAt: version.effectiveAt ?? '',
  sections: version.sections,
  status: version.status === 'scheduled' ? 'upcoming' : version.status === 'superseded' ? 'superseded' : 'in_force',
  sha256: version.sha256,
});

/**
 * What anyone may read, without a token: the current version with its "Stand", every published version by its
 * number (unchanged since), and the changelog.
 */
export function publicPolicyRoutes(app: FastifyInstance, publisher: PolicyPublisher): void {
  const which = (params: { document: string; language: string }) => {
    const document = PolicyDocument.safeParse(params.document);
    const language = PolicyLanguage.safeParse(params.language);
    if (!document.success || !language.success) throw new ProblemError(404, 'not-found', 'No such policy document or language.');
    return { document: document.data, language: language.data };
  };
  app.get<{ Params: { document: string; language: string } }>(
    operations.publicPolicy.path.replace(/\{(\w+)\}/g, ':$1'),
    async (request) => {
      const { document, language } = which(request.params);
      const current = publisher.current(document, language);
      if (!current?.effectiveAt || !current.sha256)
        throw new ProblemError(404, 'not-found', `No ${document} policy is published in ${language}.`);
      return served(current);
    },
  );
  app.get<{ Params: { document: string; language: string; number: string } }>(
    operations.publicPolicyVersion.path.replace(/\{(\w+)\}/g, ':$1'),
    async (request) => {
      const { document, language } = which(request.params);
      // Published ones, and the one scheduled next: users told of a change can read it before it takes effect.
      const version =
        publisher.history(document, language).find((v) => String(v.number) === request.params.number) ??
        publisher.upcoming(document, language).find((v) => String(v.number) === request.params.number);
      if (!version?.effectiveAt)
        throw new ProblemError(
          404,
          'not-found',
          `No version ${request.params.number} of the ${document} policy was published in ${language}.`,
        );
      return served(version);
    },
  );
  app.get<{ Params: { document: string; language: string } }>(
    operations.publicChangelog.path.replace(/\{(\w+)\}/g, ':$1'),
    async (request) => {
      const { document, language } = which(request.params);
      return {
        versions: publisher.history(document, language).map((v) => ({
          number: v.number,
          effectiveAt: v.effectiveAt ?? v.publishedAt ?? '',
          changeSummary: v.changeSummary,
          sha256: v.sha256 ?? '',
        })),
      };
    },
  );
}

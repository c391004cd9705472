/**
 * Ties the content-script parts together and follows the settings live: switched off for this
 * page means no highlights, no card, count 0; switched on again means a fresh scan, no reload.
 */
import browser from '../shared/browser';
import type { MentionSummary, MentionsReply, Message } from '../shared/messages';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '../shared/settings';
import { TOPIC_IDS, type TopicId } from '../core/types';
import { CardController } from './card-controller';
import { MentionRegistry } from './mention-registry';
import { PageObserver } from './observer';
import { Scanner } from './scanner';

export class Backstory {
  /** The card's listeners go on with the first painted mention, in the same task (see activate). */
  private readonly registry = new MentionRegistry(() => this.card.start());
  private readonly card: CardController;
  private readonly scanner: Scanner;
  private readonly observer: PageObserver;
  private topics: ReadonlySet<TopicId> = new Set();
  private active = false;
  private reportedCount = -1;
  private unwatch: (() => void) | undefined;
  private tornDown = false;

  constructor(private readonly onTeardown: () => void) {
    this.card = new CardController(this.registry, () => this.checkAlive());
    const host = (): Element | undefined => this.card.hostElement;
    this.scanner = new Scanner(this.registry, {
      host,
      topics: () => this.topics,
      onIdle: () => this.afterScan(),
      charge: (ms) => this.observer.charge(ms),
    });
    this.observer = new PageObserver({
      host,
      rescan: (roots) => this.scanner.enqueue(roots, 'mutation'),
      prune: () => {
        this.registry.removeWhere((record) => record.nodes.some((node) => !node.isConnected));
        this.afterScan();
      },
    });
  }

  async start(): Promise<void> {
    this.unwatch = watchSettings((settings) => this.apply(settings));
    this.apply(await loadSettings());
  }

  /** Answers a message from the popup or the background; undefined for messages not ours. */
  handle(message: Message): Promise<unknown> | undefined {
    switch (message.type) {
      case 'get-mentions':
        return Promise.resolve(this.mentionsReply());
      case 'reveal-mention':
        return Promise.resolve(this.active && this.card.reveal(message.index));
      case 'next-mention':
        return Promise.resolve(this.active && this.card.next());
      default:
        return undefined;
    }
  }

  /** Stops everything and removes every trace from the page. Safe to call twice. */
  teardown(): void {
    if (this.tornDown) return;
    this.tornDown = true;
    this.unwatch?.();
    this.deactivate();
    this.card.destroy();
    this.onTeardown();
  }

  private apply(settings: Settings): void {
    if (this.tornDown) return;
    const topics = new Set(TOPIC_IDS.filter((topic) => settings.topics[topic]));
    const active = isActiveOn(settings, location.hostname) && topics.size > 0;
    const sameTopics =
      topics.size === this.topics.size && [...topics].every((topic) => this.topics.has(topic));
    if (active === this.active && sameTopics) return;
    this.deactivate();
    this.topics = topics;
    if (active) this.activate();
  }

  private activate(): void {
    this.active = true;
    // No card.start() here: the card's pointer listeners wait for the first painted mention
    // (the registry's onPainted). After a pointer listener is added, Chromium's next rendering
    // update goes over the whole page (23-50 ms on the 200k-node page, docs/content-script.md);
    // most pages have no mention and so never pay it, and on a page with mentions it falls in
    // the same update as the first highlights instead of one more.
    this.observer.start();
    this.scanner.enqueue([document.body ?? document.documentElement], 'initial');
  }

  private deactivate(): void {
    const wasActive = this.active;
    this.active = false;
    this.scanner.stop();
    this.observer.stop();
    this.card.stop();
    this.registry.clear();
    if (wasActive) this.report(0);
  }

  private afterScan(): void {
    if (!this.checkAlive()) return;
    this.card.forgetStale();
    this.report(this.registry.count);
  }

  private mentionsReply(): MentionsReply {
    const hostname = location.hostname;
    if (!this.active) return { active: false, mentions: [], hostname };
    const mentions: MentionSummary[] = this.registry
      .ordered()
      .map((record, index) => ({ index, topic: record.topic, text: record.text }));
    return { active: true, mentions, hostname };
  }

  private report(count: number): void {
    if (count === this.reportedCount) return;
    this.reportedCount = count;
    try {
      browser.runtime
        .sendMessage({ type: 'mentions-changed', count } satisfies Message)
        .catch(() => undefined);
    } catch {
      // An invalidated context throws synchronously; checkAlive() handles the teardown.
    }
  }

  /** False (after tearing down) once the extension was updated or removed under us. */
  private checkAlive(): boolean {
    if (this.tornDown) return false;
    let alive: boolean;
    try {
      alive = Boolean(browser.runtime.id);
    } catch {
      alive = false;
    }
    if (!alive) this.teardown();
    return alive;
  }
}

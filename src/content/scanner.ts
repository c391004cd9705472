/**
 * Reads subtrees of the page and keeps the registry's highlights in step with them. Work is a
 * queue of root elements, taken in batches: a batch's roots first lose their old mentions, then
 * are read afresh one after another in time slices.
 *
 * Reading a root starts with the pre-check on its whole text (`textContent`: one native call, no
 * node visited from script); most pages, and most subtrees a page re-renders, end there. Only a
 * root that passes is walked node by node, with the matcher (detector.js) loaded on first need.
 */
import type { FindMentions } from '../core/detector/finder';
import type { StemFlags } from '../core/detector/precheck';
import {
  anyMentionPossible,
  mayContainMention,
  STEM_OVERLAP,
  stemsInRange,
} from '../core/may-contain-mention';
import type { TopicId } from '../core/types';
import { loadFindMentions } from './detector/load-detector';
import { MentionRegistry } from './mention-registry';
import { sliceDeadline, yieldToMain } from './scheduling';
import { SegmentWalker } from './segment-walker';
import { positionsOf, type TextSegment } from './text-segment';

/** Shortest text that can hold a mention ("CSTO", "ОДКБ"): shorter segments are not read. */
const MIN_MENTION_LENGTH = 4;
/** A root whose walk the page kept pulling away is given up after this many restarts. */
const MAX_RESTARTS = 3;
/** Characters of a root's text pre-checked between two clock reads (~1 ms of regex work). */
const PRECHECK_PIECE = 200_000;

export interface ScannerOptions {
  /** Our card host, never read. */
  host(): Element | undefined;
  /** Topics the user wants highlighted. */
  topics(): ReadonlySet<TopicId>;
  /** Called whenever the queue runs dry. */
  onIdle(): void;
  /** Milliseconds one slice of a re-scan took (the observer budgets re-scans with it). */
  charge(ms: number): void;
}

/** Why a root is read: the first full read of the page, or a re-read after mutations. */
export type ScanReason = 'initial' | 'mutation';

interface Job {
  root: Element;
  reason: ScanReason;
}

export class Scanner {
  private queue: Job[] = [];
  private restarts = new Map<Element, number>();
  private running = false;
  /** Bumped by stop(), so a loop sleeping in a yield knows it is obsolete. */
  private generation = 0;

  constructor(
    private readonly registry: MentionRegistry,
    private readonly options: ScannerOptions,
  ) {}

  /** Schedules `roots` to be (re-)read; roots already queued are not queued twice. */
  enqueue(roots: Iterable<Element>, reason: ScanReason): void {
    for (const root of roots) {
      if (!this.queue.some((job) => job.root === root)) this.queue.push({ root, reason });
    }
    if (!this.running) void this.loop(this.generation);
  }

  get busy(): boolean {
    return this.running;
  }

  /** Drops all pending work; the caller clears the registry if it wants the highlights gone. */
  stop(): void {
    this.generation++;
    this.queue = [];
    this.restarts.clear();
    this.running = false;
  }

  private async loop(generation: number): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = outermostJobs(this.queue);
        this.queue = [];
        // One pass over the mentions for the whole batch, right before its walks: cheaper than
        // one pass per root when a feed adds hundreds of blocks at once, and nothing is read
        // twice because no root of a batch contains another.
        this.forgetUnder(batch.map((job) => job.root));
        for (const job of batch) {
          const finished = await this.scanRoot(job, generation);
          if (generation !== this.generation) return;
          if (!finished) this.restart(job);
        }
      }
    } catch {
      // A hostile page can make DOM calls throw; stop quietly rather than break the page.
    }
    if (generation !== this.generation) return;
    // Paint what this run found before reporting it (the registry batches highlight changes).
    this.registry.publish();
    this.running = false;
    this.restarts.clear();
    this.options.onIdle();
  }

  private restart(job: Job): void {
    const count = (this.restarts.get(job.root) ?? 0) + 1;
    this.restarts.set(job.root, count);
    if (count <= MAX_RESTARTS && job.root.isConnected) this.queue.push(job);
  }

  /** Drops the mentions inside any of `roots`, and those whose text left the document. */
  private forgetUnder(roots: readonly Element[]): void {
    if (this.registry.count === 0) return;
    const rootSet = new Set<Node>(roots);
    this.registry.removeWhere((record) => {
      if (record.nodes.some((node) => !node.isConnected)) return true;
      for (let node: Node | null = record.range.startContainer; node; node = node.parentNode) {
        if (rootSet.has(node)) return true;
      }
      return false;
    });
  }

  /** Returns false if the page removed the node the walk was paused at. */
  private async scanRoot({ root, reason }: Job, generation: number): Promise<boolean> {
    if (!root.isConnected) return true;
    if (!(await this.mayHoldMention(root, reason, generation))) return true;
    let find: FindMentions;
    try {
      find = await loadFindMentions();
    } catch {
      return true; // No matcher (context gone, injection refused): highlight nothing.
    }
    if (generation !== this.generation || !root.isConnected) return true;
    const topics = this.options.topics();
    const walker = new SegmentWalker(root, this.options.host, (segment) =>
      this.detect(segment, topics, find),
    );
    for (;;) {
      const started = performance.now();
      const finished = walker.run(sliceDeadline());
      // Only re-reads count against the mutation budget: the first read happens once anyway.
      if (reason === 'mutation') this.options.charge(performance.now() - started);
      if (finished) break;
      await yieldToMain();
      if (generation !== this.generation) return true;
      if (walker.lostItsPlace) return false;
    }
    return true;
  }

  /**
   * The pre-check over the root's whole text, in pieces between which the clock is read (a
   * 2.5 MB page is a few ms of regex work). Text of skipped subtrees (scripts, inputs) is read
   * too: it can only make the answer "maybe", never hide a mention.
   */
  private async mayHoldMention(
    root: Element,
    reason: ScanReason,
    generation: number,
  ): Promise<boolean> {
    let started = performance.now();
    const text = root.textContent ?? '';
    if (text.length < MIN_MENTION_LENGTH) return false;
    let deadline = sliceDeadline();
    let stems: StemFlags | null = null;
    for (let from = 0; from < text.length; from += PRECHECK_PIECE) {
      const to = Math.min(text.length, from + PRECHECK_PIECE + STEM_OVERLAP);
      stems = stemsInRange(text, from, to, stems);
      if (anyMentionPossible(stems)) break;
      if (to < text.length && performance.now() > deadline) {
        if (reason === 'mutation') this.options.charge(performance.now() - started);
        await yieldToMain();
        if (generation !== this.generation) return false;
        started = performance.now();
        deadline = sliceDeadline();
      }
    }
    if (reason === 'mutation') this.options.charge(performance.now() - started);
    return anyMentionPossible(stems);
  }

  private detect(
    segment: TextSegment<Text>,
    topics: ReadonlySet<TopicId>,
    findMentions: FindMentions,
  ): void {
    const { text } = segment;
    if (text.length < MIN_MENTION_LENGTH || !mayContainMention(text)) return;
    for (const mention of findMentions(text)) {
      if (!topics.has(mention.topic)) continue;
      const { start, end, nodes } = positionsOf(segment, mention.start, mention.end);
      const range = new StaticRange({
        startContainer: start.node,
        startOffset: start.offset,
        endContainer: end.node,
        endOffset: end.offset,
      });
      this.registry.add({
        topic: mention.topic,
        text: text.slice(mention.start, mention.end),
        range,
        nodes,
      });
    }
  }
}

/** The jobs whose root no other job's root contains (a contained root is read with its container). */
function outermostJobs(jobs: readonly Job[]): Job[] {
  const roots = new Set<Node>(jobs.map((job) => job.root));
  return jobs.filter((job) => {
    for (let node = job.root.parentNode; node; node = node.parentNode) {
      if (roots.has(node)) return false;
    }
    return true;
  });
}

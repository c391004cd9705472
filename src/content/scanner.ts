/**
 * Reads subtrees of the page and keeps the registry's highlights in step with them. Work is a
 * queue of root elements, taken in batches: a batch's roots first lose their old mentions, then
 * are read afresh one after another in time slices.
 *
 * Reading a root starts with the pre-check on its whole readable text (one pass over its text
 * nodes, as cheap as reading the page's text can be); most pages, and most subtrees a page
 * re-renders, end there. Only the blocks holding an anchor stem (one every mention needs in its
 * own sentence, e.g. "Kazakhstan" rather than a context set's "les") are then walked with the
 * block and skip rules, and the matcher (detector.js) is loaded only once a block passes the
 * pre-check too.
 */
import type { FindMentions } from '../core/detector/finder';
import { mayContainMention } from '../core/may-contain-mention';
import type { TopicId } from '../core/types';
import { blockOf, isInsideSkipped, isSkippedTag } from './dom-rules';
import { loadFindMentions } from './detector/load-detector';
import { MentionRegistry } from './mention-registry';
import { ChunkedPrecheck } from './precheck-chunks';
import { sliceDeadline, yieldToMain } from './scheduling';
import { SegmentWalker } from './segment-walker';
import { positionsOf, type TextSegment } from './text-segment';

/** Shortest text that can hold a mention ("CSTO", "ОДКБ"): shorter segments are not read. */
const MIN_MENTION_LENGTH = 4;
/** A root whose walk the page kept pulling away is given up after this many restarts. */
const MAX_RESTARTS = 3;
/** Text nodes read between two clock reads while collecting a root's text. */
const NODES_PER_CLOCK_CHECK = 256;

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
    const blocks = await this.blocksToWalk(root, reason, generation);
    if (blocks.length === 0 || generation !== this.generation) return true;
    const topics = this.options.topics();
    // Segments that pass the pre-check wait here until the matcher is loaded: a page whose
    // text as a whole passes (a stem here, a context word there) often has no block that does,
    // and then detector.js is never loaded.
    let pending: TextSegment<Text>[] = [];
    let find: FindMentions | null = null;
    // One clock for all the blocks: many small blocks must not add up to one long task.
    let deadline = sliceDeadline();
    for (const block of blocks) {
      if (!block.isConnected) continue;
      const walker = new SegmentWalker(block, this.options.host, (segment) => {
        if (segment.text.length < MIN_MENTION_LENGTH || !mayContainMention(segment.text)) return;
        if (find !== null) this.detect(segment, topics, find);
        else pending.push(segment);
      });
      for (;;) {
        const started = performance.now();
        const finished = walker.run(deadline);
        // Only re-reads count against the mutation budget: the first read happens once anyway.
        if (reason === 'mutation') this.options.charge(performance.now() - started);
        if (pending.length > 0 && find === null) {
          const held = pending;
          pending = [];
          find = await this.loadMatcher(generation);
          if (find === null) return true;
          const next = await this.matchHeld(held, topics, find, generation);
          if (next === null) return true;
          deadline = next;
        }
        if (finished && performance.now() <= deadline) break;
        await yieldToMain();
        if (generation !== this.generation) return true;
        deadline = sliceDeadline();
        if (finished) break;
        if (walker.lostItsPlace) return false;
      }
    }
    return true;
  }

  /** The matcher, loaded on first need; null when it cannot be had or the scan was stopped. */
  private async loadMatcher(generation: number): Promise<FindMentions | null> {
    try {
      const find = await loadFindMentions();
      return generation === this.generation ? find : null;
    } catch {
      return null; // No matcher (context gone, injection refused): highlight nothing.
    }
  }

  /**
   * Matches the segments held while the matcher loaded, on the slice clock (each may be the
   * first to need some alias, whose regex is then compiled: a slice's worth is not one task).
   * Returns the current slice's deadline, or null when the scan was stopped meanwhile.
   */
  private async matchHeld(
    held: readonly TextSegment<Text>[],
    topics: ReadonlySet<TopicId>,
    find: FindMentions,
    generation: number,
  ): Promise<number | null> {
    let deadline = sliceDeadline();
    for (const segment of held) {
      if (performance.now() > deadline) {
        await yieldToMain();
        if (generation !== this.generation) return null;
        deadline = sliceDeadline();
      }
      // Text the page changed meanwhile is re-read by the observer; skip what it removed.
      if (segment.nodes.every((node) => node.isConnected)) this.detect(segment, topics, find);
    }
    return deadline;
  }

  /**
   * The blocks of `root` worth walking: the pre-check runs over the root's readable text (every
   * text node but those of script, style and the like, read in one TreeWalker pass and checked
   * a chunk at a time, see precheck-chunks.ts), and only the smallest blocks holding an anchor
   * stem it found are returned, outside skipped subtrees; none when no mention is possible.
   * Sliced: the clock is read every few hundred nodes and between chunks.
   */
  private async blocksToWalk(
    root: Element,
    reason: ScanReason,
    generation: number,
  ): Promise<Element[]> {
    const clock = { started: performance.now(), deadline: sliceDeadline() };
    const pause = async (): Promise<boolean> => {
      if (reason === 'mutation') this.options.charge(performance.now() - clock.started);
      await yieldToMain();
      clock.started = performance.now();
      clock.deadline = sliceDeadline();
      return generation === this.generation;
    };
    const precheck = new ChunkedPrecheck<Text>();
    const overdue = (): boolean => performance.now() > clock.deadline;
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let visited = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text right inside a skipped element (script, style, a field…) never feeds the pre-check;
      // deeper inside one it may, and blocksHolding() drops it.
      const data = (node as Text).data;
      if (data.length > 0 && !isSkippedTag(node.parentNode?.nodeName ?? '')) {
        if (precheck.add(node as Text, data)) {
          if (!(await precheck.check(overdue, pause))) return [];
          // The page removed the node the walk stood on: read the whole root the slow way.
          if (!walker.currentNode.isConnected) return [root];
        }
      }
      if (++visited % NODES_PER_CLOCK_CHECK === 0 && overdue()) {
        if (!(await pause())) return [];
        if (!walker.currentNode.isConnected) return [root];
      }
    }
    if (precheck.textLength < MIN_MENTION_LENGTH) return [];
    if (!(await precheck.check(overdue, pause))) return [];
    let blocks: Element[] = [];
    if (precheck.possible) {
      // Soft hyphens or decomposed letters: stems found only in the cleaned text have no offset.
      blocks = precheck.needsCleaning ? [root] : this.blocksHolding(root, precheck.anchorNodes);
    }
    if (reason === 'mutation') this.options.charge(performance.now() - clock.started);
    return blocks;
  }

  /** The smallest blocks of `root` holding one of `nodes`, outside skipped subtrees. */
  private blocksHolding(root: Element, nodes: Iterable<Text>): Element[] {
    const host = this.options.host();
    const blocks = new Set<Element>();
    for (const node of nodes) {
      if (!node.isConnected || isInsideSkipped(node, host)) continue;
      const block = blockOf(node);
      blocks.add(block !== undefined && root.contains(block) ? block : root);
    }
    return outermost([...blocks], (block) => block);
  }

  /** Registers the mentions of a segment that passed the pre-check. */
  private detect(
    segment: TextSegment<Text>,
    topics: ReadonlySet<TopicId>,
    findMentions: FindMentions,
  ): void {
    const { text } = segment;
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
  return outermost(jobs, (job) => job.root);
}

/** The items whose element no other item's element contains. */
function outermost<T>(items: readonly T[], elementOf: (item: T) => Element): T[] {
  const elements = new Set<Node>(items.map(elementOf));
  return items.filter((item) => {
    for (let node = elementOf(item).parentNode; node; node = node.parentNode) {
      if (elements.has(node)) return false;
    }
    return true;
  });
}

import { compileSampler, type Distribution, type Sampler } from './distributions.ts';
import type { MessageId, Millis, NodeId } from './ids.ts';
import type { Rng } from './rng.ts';
import type { NetworkConfig } from './scenario.ts';
import type { MessageBody, MessageRecord } from './trace.ts';

/**
 * Directed links between every pair of nodes, clients included. Each link has a latency
 * distribution and a loss probability, and can be cut in either direction on its own.
 * A message on a link that is cut while it travels is dropped at the moment of the cut;
 * one sent on a cut link is dropped as it leaves.
 */
export class Network {
  private readonly index = new Map<NodeId, number>();
  private readonly size: number;
  private readonly cut: Uint8Array;
  private readonly latency: (Distribution | null)[];
  private readonly loss: Float64Array;
  /** The longest flight planned so far: how far back a cut must look for messages. */
  private longestFlight = 0;
  private defaultLatency: Distribution;
  private defaultLoss: number;
  private nextId = 0;
  private readonly samplers = new WeakMap<Distribution, Sampler>();
  /** Each link's latency sampler, found once: `send` runs for every message. */
  private readonly drawFor: (Sampler | undefined)[];

  constructor(
    readonly nodes: readonly NodeId[],
    config: NetworkConfig,
    private readonly rng: Rng,
    private readonly log: MessageRecord[],
  ) {
    nodes.forEach((n, i) => this.index.set(n, i));
    this.size = nodes.length;
    const links = this.size * this.size;
    this.cut = new Uint8Array(links);
    this.latency = new Array<Distribution | null>(links).fill(null);
    // -1: this link takes the network's default loss.
    this.loss = new Float64Array(links).fill(-1);
    this.drawFor = new Array<Sampler | undefined>(links).fill(undefined);
    this.defaultLatency = config.latency;
    this.defaultLoss = config.loss;
    for (const o of config.links) {
      const l = this.link(o.from as NodeId, o.to as NodeId);
      if (o.latency) this.latency[l] = o.latency;
      if (o.loss !== undefined) this.loss[l] = o.loss;
    }
  }

  private link(from: NodeId, to: NodeId): number {
    const a = this.index.get(from);
    const b = this.index.get(to);
    if (a === undefined || b === undefined) throw new Error(`no link ${from}→${to}`);
    return a * this.size + b;
  }

  isCut(from: NodeId, to: NodeId): boolean {
    return this.cut[this.link(from, to)] === 1;
  }

  setDefaults(latency: Distribution | undefined, loss: number | undefined): void {
    if (latency) {
      this.defaultLatency = latency;
      this.drawFor.fill(undefined);
    }
    if (loss !== undefined) this.defaultLoss = loss;
  }

  /** Cut one direction. Returns false if it was already cut. */
  cutLink(from: NodeId, to: NodeId, now: Millis): boolean {
    const l = this.link(from, to);
    if (this.cut[l] === 1) return false;
    this.cut[l] = 1;
    // Cuts are rare and human-paced; scanning the recent log beats tracking every flight.
    const log = this.log;
    for (let i = log.length - 1; i >= 0; i--) {
      const msg = log[i]!;
      if (msg.sentAt < now - this.longestFlight) break;
      if (msg.fate === 'in-flight' && msg.from === from && msg.to === to) {
        msg.fate = 'cut';
        msg.endAt = now;
      }
    }
    return true;
  }

  /** Heal one direction. Returns false if it was not cut. */
  healLink(from: NodeId, to: NodeId): boolean {
    const l = this.link(from, to);
    if (this.cut[l] === 0) return false;
    this.cut[l] = 0;
    return true;
  }

  cutLinks(): [NodeId, NodeId][] {
    const out: [NodeId, NodeId][] = [];
    for (let l = 0; l < this.cut.length; l++) {
      if (this.cut[l] === 1) out.push([this.nodes[Math.floor(l / this.size)]!, this.nodes[l % this.size]!]);
    }
    return out;
  }

  /**
   * Put a message on the wire. Draws the latency and then the loss from the rng, always
   * both and in that order, so a run's randomness does not depend on which links are cut.
   */
  send(now: Millis, from: NodeId, to: NodeId, body: MessageBody): MessageRecord {
    const l = this.link(from, to);
    let draw = this.drawFor[l];
    if (!draw) {
      const dist = this.latency[l] ?? this.defaultLatency;
      draw = this.samplers.get(dist);
      if (!draw) this.samplers.set(dist, (draw = compileSampler(dist)));
      this.drawFor[l] = draw;
    }
    const latency = Math.max(0, draw(this.rng));
    const lossP = this.loss[l]! >= 0 ? this.loss[l]! : this.defaultLoss;
    const lost = this.rng.next() < lossP;
    const deliverAt = (now + latency) as Millis;
    const msg: MessageRecord = {
      id: this.nextId++ as MessageId,
      from,
      to,
      body,
      sentAt: now,
      deliverAt,
      endAt: deliverAt,
      fate: 'in-flight',
    };
    this.log.push(msg);
    if (this.cut[l] === 1) {
      msg.fate = 'cut';
      msg.endAt = now;
    } else if (lost) {
      // Where a lost packet dies is unknowable; the lab shows it vanishing halfway.
      msg.fate = 'lost';
      msg.endAt = (now + latency / 2) as Millis;
    } else if (latency > this.longestFlight) {
      this.longestFlight = latency;
    }
    return msg;
  }

  /** Called when a message's delivery time comes; false if it no longer arrives. */
  arrive(msg: MessageRecord, receiverUp: boolean): boolean {
    if (msg.fate !== 'in-flight') return false;
    msg.fate = receiverUp ? 'delivered' : 'crash';
    return receiverUp;
  }
}

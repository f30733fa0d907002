import { compileSampler, type Distribution, type Sampler } from './distributions.ts';
import type { MessageId, NodeId } from './ids.ts';
import type { MessageLog } from './messageLog.ts';
import type { Rng } from './rng.ts';
import type { NetworkConfig } from './scenario.ts';
import type { MessageBody } from './trace.ts';

/**
 * Directed links between every pair of nodes, clients included. Each link has a latency
 * distribution and a loss probability, and can be cut in either direction on its own.
 * A message on a link that is cut while it travels is dropped at the moment of the cut;
 * one sent on a cut link is dropped as it leaves.
 */
export class Network {
  private readonly size: number;
  private readonly cut: Uint8Array;
  private readonly latency: (Distribution | null)[];
  private readonly loss: Float64Array;
  private defaultLatency: Distribution;
  private defaultLoss: number;
  private readonly samplers = new WeakMap<Distribution, Sampler>();
  /** Each link's latency sampler, found once: `send` runs for every message. */
  private readonly drawFor: (Sampler | undefined)[];

  /** The nodes are the log's, in its order: a link is (from, to) by their index there. */
  constructor(
    config: NetworkConfig,
    private readonly rng: Rng,
    private readonly log: MessageLog,
  ) {
    this.size = log.nodes.length;
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
    return this.log.indexOf(from) * this.size + this.log.indexOf(to);
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
  cutLink(from: NodeId, to: NodeId, now: number): boolean {
    const l = this.link(from, to);
    if (this.cut[l] === 1) return false;
    this.cut[l] = 1;
    // Cuts are rare and human-paced; scanning the recent log beats tracking every flight.
    this.log.cutInFlight(this.log.indexOf(from), this.log.indexOf(to), now);
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
    const nodes = this.log.nodes;
    for (let l = 0; l < this.cut.length; l++) {
      if (this.cut[l] === 1) out.push([nodes[Math.floor(l / this.size)]!, nodes[l % this.size]!]);
    }
    return out;
  }

  /**
   * Put a message on the wire and in the log. Draws the latency and then the loss from the
   * rng, always both and in that order, so a run's randomness does not depend on which
   * links are cut. Returns the message's id if it is in flight, or -1 if it is already
   * dropped (cut as it leaves, or lost).
   */
  send(now: number, from: NodeId, to: NodeId, body: MessageBody): MessageId | -1 {
    const a = this.log.indexOf(from);
    const b = this.log.indexOf(to);
    const l = a * this.size + b;
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
    const id = this.log.append(a, b, body, now, now + latency);
    if (this.cut[l] === 1) {
      this.log.drop(id, 'cut', now);
      return -1;
    }
    if (lost) {
      // Where a lost packet dies is unknowable; the lab shows it vanishing halfway.
      this.log.drop(id, 'lost', now + latency / 2);
      return -1;
    }
    return id;
  }
}

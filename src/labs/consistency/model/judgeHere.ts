import { parseHistory } from '../../../check/parseHistory.ts';
import { checkSpectrum } from '../../../check/spectrum.ts';
import type { JudgeRequest, JudgeResponse } from './judgeMessages.ts';
import { judgeRun } from './judgeRun.ts';

/** Answer one judging request: the worker's work (judgeWorker.ts), callable anywhere. */
export function judgeHere(req: JudgeRequest): JudgeResponse {
  try {
    if (req.kind === 'run') return { id: req.id, ok: true, judgement: judgeRun(req.scenario) };
    const parsed = parseHistory(req.text, req.name);
    if (!parsed.ok) return { id: req.id, ok: false, error: `line ${parsed.line}: ${parsed.error}` };
    const { verdicts, causalConvergence } = checkSpectrum(parsed.ops);
    return { id: req.id, ok: true, judgement: { history: parsed.ops, verdicts, causalConvergence, eventualDetail: null, until: Infinity } };
  } catch (e) {
    return { id: req.id, ok: false, error: (e as Error).message };
  }
}

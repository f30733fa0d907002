import { compare, type Order } from '../../../sim/values/versionVector.ts';
import { FIX_WORDS } from '../../../content/sessionFixWords.ts';
import { VECTOR_ORDER_WORDS, fixWords, storyGuaranteeName as guaranteeName, storyKeptWith, type QuizItem, type QuizPart } from '../../../content/quiz.ts';

/**
 * What a learner has entered for each part, and how each part is graded: pure, so the
 * quiz lab's component only draws. Answers come from the parts themselves (computed by the
 * simulator or the pure modules), never from a stored key.
 */
export type PartAnswer =
  | { readonly kind: 'choice'; readonly picked: readonly string[] }
  | { readonly kind: 'vectors'; readonly picked: readonly (Order | null)[] }
  | { readonly kind: 'numbers'; readonly values: readonly string[] }
  | { readonly kind: 'quorum'; readonly values: readonly { readonly w: number | null; readonly r: number | null }[] }
  | { readonly kind: 'rows'; readonly picked: readonly (string | null)[] };

export interface PartGrade {
  readonly right: boolean;
  /** Sentences for the learner, one per choice picked, pair, field or goal. */
  readonly lines: readonly { readonly right: boolean; readonly text: string }[];
}

export function emptyAnswer(part: QuizPart): PartAnswer {
  switch (part.kind) {
    case 'choice':
    case 'predict':
    case 'fix':
      return { kind: 'choice', picked: [] };
    case 'vectors':
      return { kind: 'vectors', picked: part.pairs.map(() => null) };
    case 'numbers':
      return { kind: 'numbers', values: part.fields.map(() => '') };
    case 'quorum':
      return { kind: 'quorum', values: part.goals.map(() => ({ w: null, r: null })) };
    case 'rows':
      return { kind: 'rows', picked: part.rows.map(() => null) };
  }
}

/** Whether the learner has given something for every question the part asks. */
export function complete(part: QuizPart, a: PartAnswer): boolean {
  if (a.kind === 'choice') return a.picked.length > 0;
  if (a.kind === 'vectors') return a.picked.every((p) => p !== null);
  if (a.kind === 'numbers') return a.values.every((v) => v.trim() !== '');
  if (a.kind === 'rows') return a.picked.every((p) => p !== null);
  return a.values.every((v) => v.w !== null && v.r !== null);
}

/** Two picks as sets: the same choices, each once. */
const same = (a: readonly string[], b: readonly string[]) => new Set(a).size === new Set(b).size && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));

export function grade(part: QuizPart, a: PartAnswer): PartGrade {
  switch (part.kind) {
    case 'choice': {
      const picked = a.kind === 'choice' ? a.picked : [];
      const answer = part.answer();
      // Pick one: any of the answers is right. Tick every one: exactly the answers are.
      const many = part.many === true;
      const lines = part.choices
        .filter((c) => picked.includes(c.id) || (many && answer.includes(c.id)))
        .map((c) => {
          const isRight = answer.includes(c.id);
          const chose = picked.includes(c.id);
          const lead = chose ? (isRight ? 'Right' : 'Not this one') : 'Missed';
          return { right: chose === isRight, text: `${lead}: ${c.label}. ${c.feedback}` };
        });
      return { right: many ? same(picked, answer) : picked.length === 1 && answer.includes(picked[0]!), lines };
    }
    case 'predict': {
      const picked = a.kind === 'choice' ? a.picked[0] : undefined;
      const ran = part.run();
      const said = part.choices.find((c) => c.id === ran);
      const chosen = part.choices.find((c) => c.id === picked);
      const right = picked === ran;
      return {
        right,
        lines: [{ right, text: `${right ? 'Right' : 'Not this time'}: the run returned ${said ? said.label.charAt(0).toLowerCase() + said.label.slice(1) : ran}. ${(right ? chosen : said)?.feedback ?? ''}` }],
      };
    }
    case 'fix': {
      const picked = a.kind === 'choice' ? a.picked[0] : undefined;
      if (!picked) return { right: false, lines: [] };
      const fix = picked as Parameters<typeof fixWords>[0];
      const kept = storyKeptWith(part.story, fix);
      const words = { ...fixWords(fix), ...FIX_WORDS[fix] };
      const guarantee = guaranteeName(part.story);
      return {
        right: kept,
        lines: [{ right: kept, text: `${kept ? 'It works' : 'It does not work here'}: with ${words.name.toLowerCase()} the story ran again and the checker says ${guarantee} ${kept ? 'holds' : 'is still broken'}. In this lab, ${words.what.charAt(0).toLowerCase()}${words.what.slice(1)}` }],
      };
    }
    case 'vectors': {
      const picked = a.kind === 'vectors' ? a.picked : [];
      const lines = part.pairs.map(([x, y], i) => {
        const order = compare(x, y);
        const right = picked[i] === order;
        return { right, text: `Pair ${i + 1}: ${right ? 'right' : `not quite: ${VECTOR_ORDER_WORDS[order]}`}.` };
      });
      return { right: lines.every((l) => l.right), lines };
    }
    case 'numbers': {
      const values = a.kind === 'numbers' ? a.values : [];
      const lines = part.fields.map((f, i) => {
        const want = f.answer();
        const got = Number((values[i] ?? '').trim());
        const right = (values[i] ?? '').trim() !== '' && got === want;
        return { right, text: `${f.label}: ${right ? `${want}, right` : `not ${shownNumber(values[i] ?? '')}`}.` };
      });
      return { right: lines.every((l) => l.right), lines };
    }
    case 'rows': {
      const picked = a.kind === 'rows' ? a.picked : [];
      const lines = part.rows.map((row, i) => {
        const level = picked[i] ?? null;
        const right = level !== null && row.accept.includes(level);
        const name = part.levels.find((l) => l.id === level)?.label.toLowerCase() ?? 'nothing picked';
        return { right, text: `${row.label}, ${name}: ${right ? 'a good fit' : 'not the best fit'}. ${level ? (row.feedback[level] ?? '') : ''} ${row.evidence()}`.replace(/\s+/g, ' ') };
      });
      return { right: lines.every((l) => l.right), lines };
    }
    case 'quorum': {
      const values = a.kind === 'quorum' ? a.values : [];
      const lines = part.goals.map((g, i) => {
        const given = values[i];
        if (!given || given.w === null || given.r === null) return { right: false, text: `${g.tag} W and R are both needed.` };
        // Whatever the input, W and R are whole numbers from 1 to N.
        const w = Math.min(part.n, Math.max(1, Math.round(given.w)));
        const r = Math.min(part.n, Math.max(1, Math.round(given.r)));
        const { right, why } = g.judge(w, r, part.n);
        return { right, text: `${g.tag} W = ${w}, R = ${r}: ${why}` };
      });
      return { right: lines.every((l) => l.right), lines };
    }
  }
}

/** A learner's number as the feedback quotes it: digits and a sign only, at most 12 of them. */
function shownNumber(raw: string): string {
  const s = raw.trim().replace(/[^0-9.+-]/g, '').slice(0, 12);
  return s === '' ? 'that' : s;
}

/** The right answer to a part, as the learner's input would give it ("show the answer"). */
export function answerOf(part: QuizPart): PartAnswer {
  switch (part.kind) {
    case 'choice':
      return { kind: 'choice', picked: part.many === true ? part.answer() : part.answer().slice(0, 1) };
    case 'predict':
      return { kind: 'choice', picked: [part.run()] };
    case 'fix': {
      // Every fix that works here; the content's test holds that there is one.
      const working = part.fixes.filter((f) => storyKeptWith(part.story, f));
      return { kind: 'choice', picked: working.slice(0, 1) };
    }
    case 'vectors':
      return { kind: 'vectors', picked: part.pairs.map(([x, y]) => compare(x, y)) };
    case 'numbers':
      return { kind: 'numbers', values: part.fields.map((f) => String(f.answer())) };
    case 'quorum':
      return { kind: 'quorum', values: part.goals.map((g) => g.answer(part.n)) };
    case 'rows':
      return { kind: 'rows', picked: part.rows.map((r) => r.accept[0]!) };
  }
}

/** An item graded: right when every part is. */
export function gradeItem(item: QuizItem, answers: readonly PartAnswer[]): { readonly right: boolean; readonly parts: readonly PartGrade[] } {
  const parts = item.parts.map((p, i) => grade(p, answers[i] ?? emptyAnswer(p)));
  return { right: parts.every((p) => p.right), parts };
}

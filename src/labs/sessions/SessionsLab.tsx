import '../../components/components.css';
import { BoardDisclosure } from '../../components/monitoring/BoardDisclosure.tsx';
import { IntroText } from '../../components/IntroText.tsx';
import './sessions.css';
import '../../sim/sessions/install.ts';
import { Suspense, lazy, useCallback, useId, useState } from 'react';
import { ClusterView } from '../../components/ClusterView.tsx';
import { Narrator } from '../../components/Narrator.tsx';
import { NoticeBar } from '../../components/NoticeBar.tsx';
import { StageControls } from '../../components/StageControls.tsx';
import { TimelineScrubber } from '../../components/TimelineScrubber.tsx';
import { useLabPlayback } from '../../components/useLabPlayback.ts';
import { useScenes } from '../../components/useScenes.ts';
import { usePrefersReducedMotion } from '../../components/usePrefersReducedMotion.ts';
import { MODEL_NAMES, VERDICT_WORDS } from '../../content/modelNames.ts';
import { FIXES, SESSION_STORIES, type FixId, type SessionStory, type StoryId } from '../../content/sessionStories.ts';
import { currentSearch, rememberInAddress } from '../../embed/address.ts';
import { hasParam, readParams } from '../../embed/params.ts';
import type { NodeId } from '../../sim/ids.ts';
import { createLabStore, selectRun } from '../../store/labStore.ts';
import { LabStoreProvider, useLab } from '../../store/LabStoreContext.tsx';
import { SESSIONS_PARAMS } from './model/sessionsParams.ts';
import { heldNote } from '../../view/sessionTokens.ts';
import { useStoryVerdict } from './ui/useSessions.ts';

export const SESSIONS_ID = 'sessions';

const SessionTokens = lazy(() => import('./ui/SessionTokens.tsx').then((m) => ({ default: m.SessionTokens })));
const Feeds = lazy(() => import('./ui/Feeds.tsx').then((m) => ({ default: m.Feeds })));
/** What a fix does, costs and is elsewhere: its sentences load just after the first screen. */
const FixNotes = lazy(() => import('./ui/FixNotes.tsx').then((m) => ({ default: m.FixNotes })));
const CostTable = lazy(() => import('./ui/CostTable.tsx').then((m) => ({ default: m.CostTable })));
/** A guided lesson over the lab (…&lesson=own-write&step=2): loads only when the address asks for one. */
const LessonPanel = lazy(() => import('../../components/lesson/StoreLessonPanel.tsx').then((m) => ({ default: m.StoreLessonPanel })));

function storyOf(id: StoryId): SessionStory {
  return SESSION_STORIES.find((s) => s.id === id)!;
}

/** A fix's name inside a sentence: its first letter small, the rest as written (W + R > N stays capital). */
function fixInSentence(fix: FixId): string {
  const name = FIXES[fix].name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const SESSION_SCENES = SESSION_STORIES.flatMap((s) =>
  (['none', ...s.fixes.filter((f) => f !== 'none')] as const).map((fix) => ({ id: `${s.id}-${fix}`, title: `${s.title}, ${fix === 'none' ? 'no fix' : fixInSentence(fix)}`, story: s.id, fix })),
);

/** The story and fix the address names, a fix the story does not list read as none (with a sentence). */
function initial(): { story: StoryId; fix: FixId; twist: boolean; problems: readonly string[] } {
  const { values, problems } = readParams(SESSIONS_PARAMS, currentSearch());
  const listed = storyOf(values.story).fixes.includes(values.fix);
  return {
    story: values.story,
    fix: listed ? values.fix : 'none',
    twist: values.twist === 'on' && storyOf(values.story).twist !== undefined,
    problems: listed ? problems : [...problems, `“${FIXES[values.fix].name}” is not a fix for this story; showing it with no fix.`],
  };
}

/**
 * The sessions lab: the module's three anomalies (a user's own update missing, a count
 * going down, a comment before its post) and one story for each other session guarantee
 * (a price seen before its correction, a reply before its question), each a seeded run on three replicas, with the
 * fixes the module lists as settings of the run. Choose a fix and the same story runs
 * again: the checker's verdict flips, the sessions' tokens and what replicas hold back are
 * shown, and a table measures what each fix costs on a busier run with a partition.
 */
export default function SessionsLab() {
  const [start] = useState(initial);
  const [withLesson] = useState(() => hasParam(currentSearch(), 'lesson'));
  const [story, setStory] = useState<StoryId>(start.story);
  const [fix, setFix] = useState<FixId>(start.fix);
  const [twist, setTwist] = useState(start.twist);
  const [store] = useState(() => {
    const s = createLabStore(storyOf(start.story).scenario(start.fix, { twist: start.twist }));
    if (start.problems.length > 0) s.getState().setNotice({ kind: 'error', text: start.problems.join(' ') });
    return s;
  });
  // The run follows from the story and the fix, which the address keeps; the run itself stays out of it.
  const { playback, controller } = useLabPlayback(store, SESSIONS_ID, false);
  const reducedMotion = usePrefersReducedMotion();
  const choose = (nextStory: StoryId, nextFix: FixId, nextTwist = false) => {
    const f = storyOf(nextStory).fixes.includes(nextFix) ? nextFix : 'none';
    const c = nextTwist && storyOf(nextStory).twist !== undefined;
    setStory(nextStory);
    setFix(f);
    setTwist(c);
    rememberInAddress(SESSIONS_PARAMS, { story: nextStory, fix: f, twist: c ? 'on' : 'off' });
    // Playing already, the new run plays from its start: "press Play" would contradict the Pause button.
    const watch = playback.view().playing ? 'It plays from the start.' : 'Press Play to watch it.';
    const told = `“${storyOf(nextStory).title}”, ${f === 'none' ? 'with no fix' : `with ${fixInSentence(f)}`}${c && storyOf(nextStory).twist ? `, ${storyOf(nextStory).twist!.said}` : ''}. ${watch}`;
    store.getState().load(storyOf(nextStory).scenario(f, { twist: c }), 0, { kind: 'info', text: told });
  };
  const current = storyOf(story);
  // Each story with no fix, then with each of its fixes: the scenes a presenter's keys and a host's presets step through.
  useScenes('stories and fixes', SESSION_SCENES, twist ? -1 : SESSION_SCENES.findIndex((s) => s.story === story && s.fix === fix), (i) => choose(SESSION_SCENES[i]!.story, SESSION_SCENES[i]!.fix));
  return (
    <LabStoreProvider store={store} controller={controller}>
      <div className="lab sessions">
        <header className="lab-intro">
          <h1>Sessions: seeing your own writes, in order</h1>
          <IntroText>
            An eventually consistent store can show a user something older than what they have already seen. Pick a story (the module’s three anomalies,
            and one for each other session guarantee), watch it happen, then switch on a fix: the same run plays again, the checker says whether the guarantee now holds, and the table below says what the fix
            costs.
          </IntroText>
        </header>
        <NoticeBar />
        <div className="lab-grid">
          <div className="controls">
            {withLesson && (
              <Suspense fallback={<p role="status">Loading the lesson…</p>}>
                <LessonPanel lab="sessions" />
              </Suspense>
            )}
            <Pickers story={story} fix={fix} twist={twist} onChoose={choose} />
          </div>
          <div className="stage">
            <StageControls playback={playback} />
            <div className="picture">
              <Picture reducedMotion={reducedMotion} />
            </div>
            <TimelineScrubber playback={playback} />
          </div>
          <div className="side">
            <StoryCard story={current} fix={fix} twist={twist} />
            <Narrator />
            <BoardDisclosure />
            <Suspense fallback={null}>
              {current.feed && <Feeds feed={current.feed} />}
              <SessionTokens fix={fix} story={story} />
            </Suspense>
          </div>
        </div>
        <Suspense fallback={<p role="status">Loading the measurements…</p>}>
          <CostTable story={current} />
        </Suspense>
      </div>
    </LabStoreProvider>
  );
}

function Picture({ reducedMotion }: { readonly reducedMotion: boolean }) {
  const run = useLab(selectRun);
  const notes = useCallback((id: NodeId, time: number) => heldNote(run.sim.trace, id, time), [run]);
  return <ClusterView reducedMotion={reducedMotion} drawingPartition={false} onPartitionDrawn={() => undefined} notes={notes} />;
}

function Pickers({ story, fix, twist, onChoose }: { readonly story: StoryId; readonly fix: FixId; readonly twist: boolean; readonly onChoose: (s: StoryId, f: FixId, twist?: boolean) => void }) {
  const twistOf = storyOf(story).twist;
  const id = useId();
  return (
    <div className="panel pickers">
      <fieldset>
        <legend>Story</legend>
        {SESSION_STORIES.map((s) => (
          <label key={s.id} className="choice">
            <input type="radio" name={`${id}-story`} checked={s.id === story} onChange={() => onChoose(s.id, 'none')} /> {s.title}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Fix</legend>
        {storyOf(story).fixes.map((f) => (
          <label key={f} className="choice">
            <input type="radio" name={`${id}-fix`} checked={f === fix} onChange={() => onChoose(story, f, twist)} /> {FIXES[f].name}
          </label>
        ))}
      </fieldset>
      {twistOf && (
        <label className="choice">
          <input type="checkbox" checked={twist} onChange={(e) => onChoose(story, fix, e.target.checked)} /> Test it: {twistOf.label}
        </label>
      )}
    </div>
  );
}

function StoryCard({ story, fix, twist }: { readonly story: SessionStory; readonly fix: FixId; readonly twist: boolean }) {
  const id = useId();
  const verdict = useStoryVerdict(story.id, fix, twist);
  const name = story.guarantee === 'causal' ? 'Causal consistency' : MODEL_NAMES[story.guarantee];
  const words = VERDICT_WORDS[verdict ? verdict.result : 'pending'];
  const f = FIXES[fix];
  return (
    <section className="panel story-card" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`}>{story.title}</h2>
      <p>{story.story}</p>
      <p className={`verdict v-${verdict ? verdict.result : 'pending'}`} role="status">
        <span aria-hidden="true">{words.icon}</span> {name} {words.word} on this run{fix === 'none' ? ', with no fix' : `, with ${fixInSentence(fix)}`}
        {twist && story.twist ? `, ${story.twist.said}` : ''}.
      </p>
      {twist && story.twist && <p>{story.twist.shows}</p>}
      <h3>{f.name}</h3>
      <Suspense fallback={null}>
        <FixNotes fix={fix} />
      </Suspense>
    </section>
  );
}

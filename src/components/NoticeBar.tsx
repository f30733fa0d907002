import { selectNotice } from '../store/labStore.ts';
import { useLab, useLabStoreApi } from '../store/LabStoreContext.tsx';

/** A message about the lab itself: a link or file that could not be read, a fork. */
export function NoticeBar() {
  const notice = useLab(selectNotice);
  const store = useLabStoreApi();
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.offer && (
        <button type="button" onClick={() => store.getState().load(notice.offer!.scenario, notice.offer!.time)}>
          {notice.offer.label}
        </button>
      )}
      <button type="button" className="quiet" onClick={() => store.getState().setNotice(null)}>
        Dismiss
      </button>
    </div>
  );
}

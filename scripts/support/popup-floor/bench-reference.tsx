/**
 * The popup the way ../shared/PERFORMANCE.md's anchor built it ("50-row page + virtualised list":
 * 112 ms from script start to the first painted frame, with 10k records, on the reference
 * machine): React renders, an effect reads the newest 50 stories through the capturedAt index
 * with Dexie, and a virtualised list shows them. No header, filters or controls. Bundled by
 * bench-popup.ts (esbuild) into the copy of the build it opens; measured in the same run as ours,
 * so the two can be compared on the day's machine, which the anchor's absolute figure cannot.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import Dexie from 'dexie';
import { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

performance.mark('canh-tin-popup-script');

interface Story {
  id: string;
  title: string;
  siteName: string;
}

// No version declared: Dexie opens the existing database as it is (its tables are known once open).
const db = new Dexie('canh-tin');
const readNewest = async (limit: number) => {
  await db.open();
  return db.table<Story>('flags').orderBy('capturedAt').reverse().limit(limit).toArray();
};

function ReferenceQueue() {
  const [stories, setStories] = useState<Story[]>([]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: stories.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56,
    initialRect: { width: 435, height: 480 },
  });
  useEffect(() => {
    void readNewest(50).then(setStories);
  }, []);
  useEffect(() => {
    if (stories.length > 0) requestAnimationFrame(() => setTimeout(() => performance.mark('canh-tin-queue-painted')));
  }, [stories]);
  return (
    <div ref={scroller} style={{ height: 480, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const story = stories[item.index]!;
          return (
            <p
              key={story.id}
              className="row"
              style={{ position: 'absolute', top: item.start, height: 56 }}
              {...(item.index === 0 ? { elementtiming: 'canh-tin-first-row' } : {})}
            >
              {story.title} · {story.siteName}
            </p>
          );
        })}
      </div>
    </div>
  );
}

createRoot(document.querySelector('main')!).render(<ReferenceQueue />);

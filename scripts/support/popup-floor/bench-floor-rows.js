// The least a popup can do to show the queue's first rows: open the database, read the newest
// 60 stories through the capturedAt index (the read the queue's first stage makes), and write
// the first rows' titles and outlets as plain text. No framework, no Dexie, no controls.
performance.mark('canh-tin-popup-script');
const open = indexedDB.open('canh-tin');
open.onsuccess = () => {
  const rows = [];
  const cursor = open.result.transaction('flags').objectStore('flags').index('capturedAt').openCursor(null, 'prev');
  cursor.onsuccess = () => {
    const at = cursor.result;
    if (at && rows.length < 60) {
      rows.push(at.value);
      at.continue();
      return;
    }
    const main = document.querySelector('main');
    rows.slice(0, 12).forEach((record, index) => {
      const row = document.createElement('p');
      row.className = 'row';
      row.textContent = `${record.title} · ${record.siteName}`;
      if (index === 0) row.setAttribute('elementtiming', 'canh-tin-first-row');
      main.append(row);
    });
    requestAnimationFrame(() => setTimeout(() => performance.mark('canh-tin-queue-painted')));
  };
};

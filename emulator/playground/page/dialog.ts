/**
 * Dialogs the add-on opens (Ui.showModalDialog, e.g. Help): the page shows the newest one in a
 * frame of its size when the meta poll sees a new one, and closes it with its button.
 */
import type { Meta } from './model';

let dialogsSeen = -1;

/** Show the newest dialog if the add-on opened one since the last poll. */
export function followDialogs(m: Meta): void {
  const d = m.dialogs[m.dialogs.length - 1];
  if (dialogsSeen >= 0 && m.dialogs.length > dialogsSeen && d) showDialog(m.dialogs.length - 1, d);
  dialogsSeen = m.dialogs.length;
}

/** A dialog's page in a frame of its size. */
function showDialog(n: number, d: Meta['dialogs'][number]): void {
  const box = document.getElementById('dialog') as HTMLElement;
  (document.getElementById('dialog-title') as HTMLElement).textContent = d.title;
  const f = document.getElementById('dialog-frame') as HTMLIFrameElement;
  f.style.width = `${d.width ?? 600}px`;
  f.style.height = `${d.height ?? 400}px`;
  f.src = `/dialog?n=${n}`;
  box.hidden = false;
}

/** The close button hides the dialog. */
export function wireDialogClose(): void {
  (document.getElementById('dialog-close') as HTMLElement).addEventListener('click', () => {
    (document.getElementById('dialog') as HTMLElement).hidden = true;
  });
}

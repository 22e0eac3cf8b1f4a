/** Says something through the page's polite live region (#announcer). */
export function announce(text: string): void {
  const announcer = document.getElementById('announcer');
  if (announcer === null) return;
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = text;
  }, 60);
}

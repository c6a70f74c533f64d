// documents: the printable invoice page's "Print" button (the page prints without it too).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.querySelector('[data-print]');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
});

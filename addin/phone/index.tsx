// The phone page's entry (webpack entry `phone` → phone.html): no office.js, no UI library, no fonts.
import { createRoot } from 'react-dom/client';
import { PhonePage } from './PhonePage';

const root = document.getElementById('phone');
if (root) {
  const app = createRoot(root);
  const render = () => app.render(<PhonePage href={window.location.href} />);
  render();
  // A receipt link opened from the page itself changes only the fragment: read the link again.
  window.addEventListener('hashchange', render);
}

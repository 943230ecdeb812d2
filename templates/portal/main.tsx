import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('app')!;
// The shell's placeholder goes: the app draws everything inside #app.
root.replaceChildren();
render(<App />, root);

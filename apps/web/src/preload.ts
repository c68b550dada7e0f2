// A second, tiny entry in index.html: it runs before the main script has finished loading and starts
// the requests the first screen needs.
import { preloadFirstPage } from './inbox/first-page';

preloadFirstPage();

import { bundleLoader } from '../load-bundle';
import { installedCardUi } from './ui-contract';

/** Resolves with the card UI, injecting card-ui.js into this frame the first time. */
export const loadCardUi = bundleLoader('load-card-ui', installedCardUi);

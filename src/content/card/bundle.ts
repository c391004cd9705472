/** Entry of card-ui.js: hands the card UI to the content script (see ui-contract.ts). */
import { CardHost } from './host';
import { CARD_UI_KEY, type CardUi } from './ui-contract';

const ui: CardUi = { CardHost };
(globalThis as Record<symbol, CardUi>)[CARD_UI_KEY] = ui;

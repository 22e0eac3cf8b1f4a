/** Designer mode's doors on the title screen: the Designer card and each scenario card's Map button. */
import type { Scenario } from '../../engine';
import { m } from '../../i18n/lang';
import { designer, openDesigner, openMap } from '../../store/designer-session';
import { mapOpen } from '../../store/odds-kept';
import { actionButton, h, hidden } from '../dom';
import type { Ctx } from '../view';

export function mapButton(ctx: Ctx, scenario: Pick<Scenario, 'id'> & { readonly file: Pick<Scenario['file'], 'title'> }): HTMLElement | null {
  // The map lists every ending and the choices that reach it: not while a run of it keeps the odds hidden.
  if (!mapOpen(ctx.state, scenario.id)) return null;
  return actionButton('open-map', h('span', {}, m.des_map(), hidden(m.des_map_of({ title: scenario.file.title }))), () => openMap(ctx.store, scenario.id));
}

export function designerCard(ctx: Ctx): HTMLElement {
  const imported = designer.getState().imported;
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'designer-card-title' },
    h('h2', { id: 'designer-card-title' }, m.des_card_title()),
    h('p', { class: 'help' }, imported.length > 0 ? m.des_card_help_imported({ imported: imported.join(m.des_list_sep()) }) : m.des_card_help()),
    actionButton('open-designer', m.des_card_button(), () => openDesigner(ctx.store)),
  );
}

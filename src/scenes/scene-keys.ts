/** Which scene shows which screen: the room stays up from turn to outcome so the changes can play. */
import type { Screen } from '../store/session';

export type SceneKey = 'boot' | 'title' | 'briefing' | 'room' | 'debrief';

export function sceneFor(screen: Screen, hasRun: boolean): SceneKey {
  switch (screen) {
    case 'title':
    case 'new-run':
    case 'facilitator':
      return 'title';
    case 'briefing':
      return hasRun ? 'briefing' : 'title';
    case 'turn':
    case 'outcome':
      return hasRun ? 'room' : 'title';
    case 'debrief':
    case 'hot-wash':
    case 'report':
      return hasRun ? 'debrief' : 'title';
    case 'compare':
    case 'designer':
    case 'map':
      return 'title';
  }
}

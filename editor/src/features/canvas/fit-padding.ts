import type { FitViewOptions } from '@xyflow/react';

/**
 * Fitting the view keeps the bottom strip free: the minimap sits in the bottom-right corner, and
 * a fit with even padding put the last branch's nodes under it.
 */
export const FIT_VIEW: FitViewOptions = {
  padding: { top: 0.08, left: 0.08, right: 0.08, bottom: '190px' },
  maxZoom: 1,
};

/** The tag of the one element Backstory adds to a page (shared by both bundles, see host.tsx). */
export const HOST_TAG = 'backstory-card';

/** Small playback icons drawn as SVG, so they never depend on a font having the glyph. */
const paths = {
  first: 'M4 3h2v10H4zM14 3v10L7 8z',
  back: 'M12 3v10L5 8z',
  play: 'M5 3v10l8-5z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
  forward: 'M4 3v10l7-5z',
  last: 'M2 3v10l7-5zM10 3h2v10h-2z',
} as const;

export function Icon({ name }: { name: keyof typeof paths }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}

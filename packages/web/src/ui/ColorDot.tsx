/** A colour dot drawn in SVG: the colour is an attribute, not an inline style (strict CSP). */
export function ColorDot({ color }: { color?: string }) {
  return (
    <svg className="color-dot" viewBox="0 0 10 10" aria-hidden="true">
      <circle cx="5" cy="5" r="5" fill={color ?? '#8a96a8'} />
    </svg>
  );
}

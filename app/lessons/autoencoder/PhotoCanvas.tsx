import { useEffect, useRef } from 'react';

/**
 * RGBA bytes drawn on a canvas at their own size (CSS scales it); `label`
 * names the picture; `pixelated` enlarges without smoothing (a crop whose
 * single pixels matter).
 */
export function PhotoCanvas({
  rgba,
  width,
  height,
  label,
  pixelated = false,
}: {
  rgba: Uint8ClampedArray | null;
  width: number;
  height: number;
  label: string;
  pixelated?: boolean;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    if (!rgba || rgba.length !== width * height * 4) {
      context.clearRect(0, 0, width, height);
      return;
    }
    // The bytes are the page's own (transferred from the worker): drawn without another copy.
    context.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      className={pixelated ? 'ae-photo ae-photo--pixelated' : 'ae-photo'}
      style={{ aspectRatio: `${width} / ${height}` }}
      width={width}
      height={height}
      role="img"
      aria-label={label}
    />
  );
}

import { useEffect, useRef } from 'react';

/** RGBA bytes drawn on a canvas at their own size (CSS scales it); `label` names the picture. */
export function PhotoCanvas({
  rgba,
  width,
  height,
  label,
}: {
  rgba: Uint8ClampedArray | null;
  width: number;
  height: number;
  label: string;
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
  return <canvas ref={ref} className="ae-photo" width={width} height={height} role="img" aria-label={label} />;
}

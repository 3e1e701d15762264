/**
 * A figure as a standalone SVG document. Built node by node with the DOM API:
 * labels, cell texts and the caption come from users, so they only ever reach
 * the document as text content, never as markup.
 */
import type { FigureModel } from '../figures/figureModel';
import {
  DEFAULT_FONT_FAMILY,
  HATCH_SPACING,
  cellInteriorBox,
  cellOutlineBox,
  cellStyle,
  layoutFigure,
  themeColors,
  type ExportTheme,
  type TextPlacement,
} from './figureLayout';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export interface SvgExportOptions {
  /** Side of one cell in px (default 40). */
  readonly cellSize?: number;
  readonly theme: ExportTheme;
  /** CSS font-family list for all text (default: `DEFAULT_FONT_FAMILY`). */
  readonly fontFamily?: string;
}

/** Default side of one cell in px. */
const DEFAULT_CELL_SIZE = 40;

let patternCounter = 0;

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Readonly<Record<string, string | number>>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

/** A `<text>` holding `content` as text, runs of spaces kept (as the canvas keeps them). */
function textEl(content: string, attributes: Readonly<Record<string, string | number>>): SVGTextElement {
  const node = el('text', attributes);
  node.setAttributeNS(XML_NS, 'xml:space', 'preserve');
  node.textContent = content;
  return node;
}

function textNode(placement: TextPlacement, fill: string, className: string): SVGTextElement {
  return textEl(placement.text, {
    class: className,
    x: placement.x,
    y: placement.y,
    'font-size': placement.fontSize,
    fill,
  });
}

/**
 * Draws a figure as an `<svg>` element sized in px (`width`/`height` and a
 * matching `viewBox`): a background rect, then for each matrix its label and
 * one `<rect>` per cell (carrying `data-matrix`, `data-state`, `data-row` and
 * `data-col`), hatching where the state asks for it, the cell text centred,
 * and the caption at the bottom. The element is created in the current
 * document but not attached to it.
 */
export function figureToSvg(model: FigureModel, options: SvgExportOptions): SVGSVGElement {
  const cellSize = options.cellSize ?? DEFAULT_CELL_SIZE;
  const layout = layoutFigure(model, cellSize);
  const colors = themeColors(options.theme);
  patternCounter += 1;
  const hatchId = `convlab-hatch-${patternCounter}`;

  const svg = el('svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    'font-family': options.fontFamily ?? DEFAULT_FONT_FAMILY,
    role: 'img',
  });
  const title = el('title', {});
  title.textContent = model.title;
  svg.append(title);

  const defs = el('defs', {});
  const pattern = el('pattern', {
    id: hatchId,
    patternUnits: 'userSpaceOnUse',
    width: HATCH_SPACING,
    height: HATCH_SPACING,
    patternTransform: 'rotate(45)',
  });
  pattern.append(el('line', { x1: 0, y1: 0, x2: 0, y2: HATCH_SPACING, stroke: colors.hatch, 'stroke-width': 1.5 }));
  defs.append(pattern);
  svg.append(defs);

  svg.append(el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: colors.background }));

  for (const matrix of layout.matrices) {
    const group = el('g', { class: 'matrix' });
    group.append(textNode(matrix.label, colors.text, 'label'));
    for (const cell of matrix.cells) {
      const style = cellStyle(cell.cell, options.theme);
      const outline = cellOutlineBox(cell, style.strokeWidth);
      const rect = el('rect', {
        x: outline.x,
        y: outline.y,
        width: outline.width,
        height: outline.height,
        rx: 2,
        fill: style.fill,
        stroke: style.stroke,
        'stroke-width': style.strokeWidth,
        'data-matrix': matrix.matrix.id,
        'data-state': cell.cell.state,
        'data-row': cell.row,
        'data-col': cell.col,
      });
      if (style.dash !== null) rect.setAttribute('stroke-dasharray', style.dash);
      group.append(rect);
      if (style.hatch) {
        const { x, y, width, height } = cellInteriorBox(cell, style.strokeWidth);
        group.append(el('path', { d: `M${x} ${y}h${width}v${height}h${-width}Z`, fill: `url(#${hatchId})` }));
      }
      if (cell.cell.text !== '') {
        const text = textEl(cell.cell.text, {
          class: 'cell',
          x: cell.x + cell.width / 2,
          y: cell.y + cell.height / 2,
          'font-size': cell.fontSize,
          'text-anchor': 'middle',
          'dominant-baseline': 'central',
          fill: style.textColor,
        });
        if (style.italic) text.setAttribute('font-style', 'italic');
        if (style.strike) text.setAttribute('text-decoration', 'line-through');
        group.append(text);
      }
    }
    svg.append(group);
  }

  svg.append(textNode(layout.caption, colors.muted, 'caption'));
  return svg;
}

/** Serialises an SVG element into a standalone SVG document string (with the SVG namespace). */
export function svgToString(svg: SVGSVGElement): string {
  const markup = new XMLSerializer().serializeToString(svg);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`;
}

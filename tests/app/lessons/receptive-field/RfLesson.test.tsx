// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import RfLesson from '../../../../app/lessons/receptive-field/RfLesson';
import { rfSlice } from '../../../../app/lessons/receptive-field/slice';
import { sliceState } from '../../../../app/lessons/kit/slice';
import type { AppStore } from '../../../../app/store/appStore';
import { renderWithStore } from '../../../support/render';

const stackOf = (store: AppStore) => sliceState(store.getState(), rfSlice).present;

// The free step (no checkpoint): three 3×3 convolutions on 64 channels.
const FREE = 'v=1&story=6';

describe('the receptive-field lesson', () => {
  it('hides every number that answers the checkpoint until it is answered, then shows them', async () => {
    const user = userEvent.setup();
    renderWithStore(<RfLesson query="v=1" />);
    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent('?');
    expect(screen.queryByRole('img', { name: /Receptive field size against depth/ })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '3');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Right: 3.')).toBeInTheDocument();
    expect(within(table).getAllByRole('row')[2]).not.toHaveTextContent('?');
    expect(
      screen.getByRole('img', { name: /Receptive field size against depth: this stack 1, 3/ }),
    ).toBeInTheDocument();
  });

  it('writes each layer’s recurrence with its numbers in', async () => {
    renderWithStore(<RfLesson query={FREE} />);
    expect(await screen.findByText('r_l = r_(l−1) + (k_l − 1)·d_l·j_(l−1) = 5 + (3 − 1)·1·1 = 7')).toBeInTheDocument();
    expect(screen.getByText('j_l = j_(l−1)·s_l = 1·1 = 1')).toBeInTheDocument();
    expect(screen.getByRole('application', { name: 'After layer 3 (Conv2d), 32 × 32 cells' })).toHaveAttribute(
      'data-chosen',
      '15.15',
    );
    expect(screen.getByRole('application', { name: 'Image, 32 × 32 cells' })).toHaveAttribute('data-rows', '12-18');
  });

  it('moves the chosen cell with the arrow keys and shows what it sees in every earlier map', async () => {
    const user = userEvent.setup();
    renderWithStore(<RfLesson query={FREE} />);
    const out = await screen.findByRole('application', { name: 'After layer 3 (Conv2d), 32 × 32 cells' });
    out.focus();
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowLeft}');
    expect(out).toHaveAttribute('data-chosen', '13.14');
    expect(screen.getByRole('application', { name: 'Image, 32 × 32 cells' })).toHaveAttribute('data-rows', '10-16');
    expect(screen.getByRole('application', { name: 'After layer 1 (Conv2d), 32 × 32 cells' })).toHaveAttribute(
      'data-cols',
      '12-16',
    );
    expect(
      screen.getByText(/It sees image rows 10–16 and columns 11–17: 7 × 7 pixels/, { selector: '.rf-status' }),
    ).toBeInTheDocument();
  });

  it('adds, reorders and removes layers, with undo', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RfLesson query={FREE} />);
    await screen.findByRole('table');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Layer to add' }), 'maxpool');
    await user.click(screen.getByRole('button', { name: 'Add layer' }));
    expect(stackOf(store).layers.map((l) => l.kind)).toEqual(['conv', 'conv', 'conv', 'maxpool']);
    await user.click(screen.getByRole('button', { name: 'Move layer 4 up' }));
    expect(stackOf(store).layers.map((l) => l.kind)).toEqual(['conv', 'conv', 'maxpool', 'conv']);
    await user.click(screen.getByRole('button', { name: 'Remove layer 1' }));
    expect(stackOf(store).layers).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(stackOf(store).layers).toHaveLength(4);
  });

  it('names a refused layer, offers the nearest valid settings and keeps the rest of the stack', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RfLesson query="v=1&in=1x8x8&layers=ci1o1k3.mk2.ci1o1k9" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Layer 3/);
    expect(screen.getAllByRole('row')).toHaveLength(4);
    await user.click(within(alert).getByRole('button', { name: /Set layer 3 kernel_size to 3/ }));
    expect(stackOf(store).layers[2]).toMatchObject({ kind: 'conv', kernel: [3, 3] });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('opens a preset in one click', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RfLesson query={FREE} />);
    await user.click(await screen.findByRole('button', { name: 'Open ResNet-50 stem' }));
    expect(stackOf(store).layers.map((l) => l.kind)).toEqual(['conv', 'batchnorm', 'relu', 'maxpool']);
    expect(screen.getByRole('application', { name: 'Image, 224 × 224 cells' })).toBeInTheDocument();
  });

  it('opens pasted PyTorch code, and refuses what it cannot read with the line and the reason, keeping the stack', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<RfLesson query={FREE} />);
    const box = await screen.findByRole('textbox', { name: 'PyTorch code' });
    await user.click(box);
    await user.paste('model = nn.Sequential(\n    nn.Conv2d(3, 8, 5, stride=2),\n    nn.Linear(8, 2),\n)');
    await user.click(screen.getByRole('button', { name: 'Open this code' }));
    // The parser loads on first use.
    expect(
      await screen.findByText(/Line 3, column 5: nn.Linear is not one of the layers/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(stackOf(store).layers).toHaveLength(3);
    await user.clear(box);
    await user.paste('nn.Conv2d(3, 8, 5, stride=2)\nnn.ReLU()');
    await user.click(screen.getByRole('button', { name: 'Open this code' }));
    expect(await screen.findByText(/Opened 2 layers/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(stackOf(store).layers.map((l) => l.kind)).toEqual(['conv', 'relu']);
  });

  it('draws the effective field inside the theoretical field of the chosen cell', async () => {
    renderWithStore(<RfLesson query={FREE} />);
    expect(await screen.findByRole('img', { name: /Theoretical and effective field: 7 × 7/ })).toBeInTheDocument();
  });
});

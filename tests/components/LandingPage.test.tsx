// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LandingPage } from '../../components/LandingPage';
import { renderWithStore } from '../support/render';

describe('the landing page', () => {
  it('presents the six lessons in order as a learning path', () => {
    renderWithStore(<LandingPage />, { lang: 'en' });
    const path = screen.getByRole('list', { name: 'Learning path' });
    const titles = within(path)
      .getAllByRole('heading', { level: 2 })
      .map((h) => h.textContent);
    expect(titles).toEqual([
      'Convolution',
      'Transposed convolution',
      'Receptive field',
      'Convolution as a matrix',
      'Tensors and autograd',
      'A convolutional autoencoder',
    ]);
  });

  it('speaks Chinese when the store says zh-CN', () => {
    renderWithStore(<LandingPage />, { lang: 'zh-CN' });
    expect(screen.getByRole('list', { name: '学习路线' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '转置卷积' })).toBeInTheDocument();
  });
});

import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { PopupApp } from './PopupApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);

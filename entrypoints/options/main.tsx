import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { OptionsApp } from './OptionsApp';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);

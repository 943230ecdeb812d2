import { http } from '../core/http/handler.ts';
import { html } from '../core/http/responses.ts';
import { renderOnboardingPage } from '../core/online-payments/onboarding-page.ts';
import { renderOnboardingPageRoute } from './routes.ts';

export const handler = http(renderOnboardingPageRoute, async ({ params }) => {
  const page = await renderOnboardingPage(params.state, params.outcome);
  return html(page.html, page.status, { 'content-security-policy': page.contentSecurityPolicy });
});

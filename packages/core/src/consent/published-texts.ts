/**
 * The texts a driver agrees to, one current version per kind (PIPL Arts. 29 and 23, the optional
 * sharing, and the charter declaration). The registry publishes these by default and accepts only
 * the hashes of published versions; the flow shows them. Bodies are hashed as written here, with
 * their placeholders unfilled: `{org_name}` (the union that receives the data / that the driver
 * joins), `{operator}` (who runs the registry), `{dues_policy}` (the matched union's dues in words).
 */
import type { ConsentTextKind } from '../enums'

export interface PublishedConsentText {
  kind: ConsentTextKind
  /** Changes whenever the body changes; recorded with the driver's agreement. */
  text_version: string
  /** zh-CN. */
  title: string
  /** zh-CN, placeholders unfilled (this is what is hashed). */
  body: string
  /** The same in English, for reading only (the hash is of the Chinese body). */
  en: { title: string; body: string }
}

export const PUBLISHED_TEXTS: Readonly<Record<ConsentTextKind, PublishedConsentText>> = {
  sensitive_personal_info: {
    kind: 'sensitive_personal_info',
    text_version: '2026-12',
    title: '敏感个人信息处理同意',
    body: '为办理入会、核实身份和确保一人一个会籍，{operator}需要处理您的身份证件号码。证件号码属于敏感个人信息，泄露可能使您的权益受到损害，因此号码加密保存，页面只显示脱敏后的号码，仅用于入会和会籍管理，不用于其他目的。不同意将无法在线办理入会；您可以随时撤回同意。',
    en: {
      title: 'Consent to the processing of sensitive personal information',
      body: 'To handle your membership, verify your identity and make sure each person holds one membership, {operator} needs to process your ID document number. The number is sensitive personal information whose leak could harm you, so it is stored encrypted, shown only masked, and used only for joining and membership records, for no other purpose. Without this consent you cannot join online; you may withdraw it at any time.',
    },
  },
  share_with_union: {
    kind: 'share_with_union',
    text_version: '2026-12',
    title: '向工会提供个人信息同意',
    body: '{operator}将把您的姓名、证件号码、手机号码、常驻地和从业信息提供给{org_name}，用于审核您的入会申请、办理会籍和提供会员服务。申请未获批准或被撤回的，个人信息在30日内删除；成为会员的，在会籍存续期间保存；同意记录保存不少于3年。货运平台只会知道办理进度，不会获得您的会员信息，除非您另行同意。',
    en: {
      title: 'Consent to provide your personal information to the union',
      body: '{operator} will provide your name, ID number, mobile number, home region and work details to {org_name}, to review your application, keep your membership record and offer member services. If the application is refused or withdrawn, your personal information is deleted within 30 days; if you become a member, it is kept while the membership lasts; the record of this consent is kept for at least 3 years. The freight platform learns only how your application is progressing, not your membership, unless you agree to that separately.',
    },
  },
  share_with_partners: {
    kind: 'share_with_partners',
    text_version: '2026-11',
    title: '与交通运输部门、行业协会共享（可选）',
    body: '同意后，您的会员身份（姓名和手机号码脱敏）、所在工会和入会日期可提供给交通运输部门和物流行业协会，用于为货车司机提供服务。不同意不影响入会。',
    en: {
      title: 'Sharing with transport departments and industry associations (optional)',
      body: 'If you agree, your membership (name and mobile number masked), your union and the date you joined may be provided to transport departments and logistics industry associations, to offer services to truck drivers. Joining does not depend on it.',
    },
  },
  share_membership_with_platform: {
    kind: 'share_membership_with_platform',
    text_version: '2026-12',
    title: '允许平台知道我已入会（可选）',
    body: '同意后，货运平台将知道您已成为工会会员以及所在工会的名称，用于在应用中显示会员标识或提供会员优惠；平台不会获得您的会员卡号和审核意见。不同意不影响入会；您可以随时撤回，撤回后平台不再获得这些信息。',
    en: {
      title: 'Let the platform know I am a member (optional)',
      body: 'If you agree, the freight platform learns that you have become a union member and the name of your union, to show a member badge or offer member perks in the app; it does not get your card number or the reviewer’s notes. Joining does not depend on it; you may withdraw at any time, after which the platform no longer receives this.',
    },
  },
  charter: {
    kind: 'charter',
    text_version: '2026-12',
    title: '入会声明',
    body: '我自愿加入{org_name}，承认《中国工会章程》，履行会员义务，按规定交纳会费（{dues_policy}）。',
    en: {
      title: 'Membership declaration',
      body: 'I join {org_name} of my own free will, accept the Constitution of the Chinese Trade Unions, will fulfil a member’s duties and pay membership dues as the rules provide ({dues_policy}).',
    },
  },
}

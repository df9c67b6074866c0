// Bad inputs that, together, make the checkers produce every issue code (errors,
// warnings and eligibility reasons). The messages test holds the tables to it.
import {
  type Issue,
  checkDriverIdentity,
  checkIdCard,
  checkLicenseClass,
  checkMobile,
  checkPersonName,
  checkPlate,
  checkUscc,
} from '@ruhui/core'
import { regionTable } from '@ruhui/core/regions'
import { makeIdNumber } from './synthetic-ids'

export function collectIssueCodes(): Map<string, Issue> {
  const asOf = '2025-07-01'
  const results = [
    checkIdCard(undefined),
    checkIdCard(42),
    checkIdCard('1'.repeat(100)),
    checkIdCard('320102850315123'),
    checkIdCard('32010219850315123Z'),
    checkIdCard('320102198503151231', { asOf }),
    checkIdCard('320102198502301233', { asOf }),
    checkIdCard('320102203001011231', { asOf }),
    checkIdCard('720102198503151235', { asOf }),
    checkIdCard(makeIdNumber('320102', '18991231'), { asOf }),
    checkIdCard(makeIdNumber('342622', '19650808'), { asOf, regions: regionTable }),
    checkMobile('17912345678'),
    checkPlate('沪AI2345'),
    checkPlate('XA12345'),
    checkUscc('81320102MC1A2B3C3'),
    checkUscc('81320102MC1A2B3CO0'),
    checkUscc('B1320102MC1A2B3C30'),
    checkUscc('8132A102MC1A2B3C30'),
    checkPersonName('Zhang'),
    checkPersonName('王·'),
    checkPersonName('王'),
    checkPersonName('王'.repeat(51)),
    checkLicenseClass('Q'),
    checkLicenseClass('B2', { age: 19 }),
    checkLicenseClass('B2', { age: 61 }),
  ]
  const profiles = [
    checkDriverIdentity({ name: '张三', idNumber: '320506201001010018', mobile: '13812345678', employmentForm: 'x', trailerPlate: '苏A12345' }, { asOf }),
    checkDriverIdentity({ name: '张三', idNumber: '81000019880808011X', mobile: '13812345678', employmentForm: 'other', qualificationCertificate: 'x' }, { asOf }),
    checkDriverIdentity({ name: '张三', idNumber: '320506200806300042', mobile: '13812345678', employmentForm: 'employee', qualificationCertificate: '320102198503151230' }, { asOf }),
  ]
  const out = new Map<string, Issue>()
  for (const r of [...results, ...profiles]) {
    for (const i of [...(r.ok ? [] : r.issues), ...r.warnings, ...('eligibility' in r && r.eligibility ? r.eligibility.reasons : [])]) {
      if (!out.has(i.code)) out.set(i.code, i)
    }
  }
  return out
}
